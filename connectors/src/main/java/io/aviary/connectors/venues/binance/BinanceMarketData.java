package io.aviary.connectors.venues.binance;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.FundingRate;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.port.OrderBookListener;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.support.CandlePager;
import io.aviary.connectors.venues.support.IntervalCodes;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.PollingMarketData;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.RestClient;
import io.aviary.connectors.venues.xchange.XChangeSymbols;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.knowm.xchange.binance.BinanceAdapters;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.marketdata.BinanceFundingRate;
import org.knowm.xchange.binance.dto.marketdata.BinanceOrderbook;
import org.knowm.xchange.binance.dto.marketdata.BinancePrice;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.BinanceExchangeInfo;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Symbol;
import org.knowm.xchange.binance.service.BinanceMarketDataServiceRaw;
import org.knowm.xchange.instrument.Instrument;
import tools.jackson.databind.JsonNode;

/**
 * Public data of {@code binance} (spot, {@code /api/v3}) and {@code binance_perpetual} (USDⓈ-M,
 * {@code /fapi/v1}). XChange 5.2.4 serves exchange info, prices (spot), depth, klines (spot, except 1s),
 * aggregate trades and the premium index; the rest is native REST.
 */
final class BinanceMarketData extends PollingMarketData<BinanceRest> {

    private static final int[] SPOT_DEPTHS = {5, 10, 20, 50, 100, 500, 1000, 5000};
    private static final int[] FUTURES_DEPTHS = {5, 10, 20, 50, 100, 500, 1000};
    private static final long RULES_TTL_MS = 60_000;
    /** {@code GET /fapi/v1/fundingRate} answers at most 1000 rows. */
    private static final int FUNDING_RATES_PER_REQUEST = 1000;

    private final boolean perpetual;
    private final BinanceMarketDataServiceRaw md;
    private final VenueSettings settings;
    private final java.net.URI baseUrl;
    private volatile Map<TradingPair, TradingRule> rules = Map.of();
    private volatile long rulesAt;

    BinanceMarketData(String name, boolean perpetual, java.net.URI baseUrl, VenueSettings settings,
            IntervalCodes intervals) {
        super(name, settings.pollInterval(), intervals,
                new BinanceRest(name, new RestClient(name, baseUrl, settings.requestTimeout()), null));
        this.perpetual = perpetual;
        this.settings = settings;
        this.baseUrl = baseUrl;
        BinanceExchange exchange = BinanceXChange.create(perpetual, baseUrl, null, null, settings.requestTimeout());
        this.md = (BinanceMarketDataServiceRaw) exchange.getMarketDataService();
    }

    Instrument instrument(TradingPair pair) {
        return perpetual ? XChangeSymbols.perpetual(pair) : XChangeSymbols.currencyPair(pair);
    }

    @Override
    public Map<TradingPair, TradingRule> tradingRules() {
        if (System.currentTimeMillis() - rulesAt < RULES_TTL_MS && !rules.isEmpty()) {
            return rules;
        }
        BinanceExchangeInfo info = BinanceXChange.call(name,
                () -> perpetual ? md.getFutureExchangeInfo() : md.getExchangeInfo());
        Map<TradingPair, TradingRule> out = new LinkedHashMap<>();
        Map<String, TradingPair> bySymbol = new HashMap<>();
        for (Symbol s : info.getSymbols()) {
            if (!BinanceMapping.tradable(s, perpetual)) {
                continue;
            }
            try {
                TradingPair pair = BinanceMapping.pair(s);
                out.put(pair, BinanceMapping.rule(pair, s));
                bySymbol.put(s.getSymbol(), pair);
                BinanceAdapters.putSymbolMapping(s.getSymbol(), XChangeSymbols.currencyPair(pair));
            } catch (IllegalArgumentException skipped) {
                // an asset name outside BASE-QUOTE's alphabet: not tradable through Hummingbot either
            }
        }
        rememberSymbols(bySymbol);
        rules = Map.copyOf(out);
        rulesAt = System.currentTimeMillis();
        return rules;
    }

    @Override
    public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
        Set<TradingPair> wanted = Set.copyOf(pairs);
        Map<TradingPair, BigDecimal> out = new LinkedHashMap<>();
        if (perpetual) {
            pairOf("");
            for (JsonNode row : Json.list(api.get("/fapi/v1/ticker/price", Query.of()))) {
                TradingPair p = knownPair(Json.str(row, "symbol"));
                if (p != null && wanted.contains(p)) {
                    out.put(p, Json.dec(row, "price"));
                }
            }
            return out;
        }
        pairOf("");
        List<BinancePrice> prices = BinanceXChange.call(name, md::tickerAllPrices);
        for (BinancePrice price : prices) {
            if (price.getCurrencyPair() == null) {
                continue;
            }
            TradingPair p;
            try {
                p = XChangeSymbols.tradingPair(price.getCurrencyPair());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (wanted.contains(p)) {
                out.put(p, price.getPrice());
            }
        }
        return out;
    }

    @Override
    public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
        int limit = validDepth(depth, perpetual ? FUTURES_DEPTHS : SPOT_DEPTHS);
        BinanceOrderbook book = BinanceXChange.call(name, () -> md.getBinanceOrderbookAllProducts(instrument(pair), limit));
        List<PriceLevel> bids = book.bids.entrySet().stream()
                .map(e -> new PriceLevel(e.getKey(), e.getValue()))
                .sorted((a, b) -> b.price().compareTo(a.price())).limit(depth).toList();
        List<PriceLevel> asks = book.asks.entrySet().stream()
                .map(e -> new PriceLevel(e.getKey(), e.getValue()))
                .sorted((a, b) -> a.price().compareTo(b.price())).limit(depth).toList();
        return new OrderBookSnapshot(pair, book.lastUpdateId, Instant.now(), bids, asks);
    }

    private static int validDepth(int depth, int[] allowed) {
        for (int a : allowed) {
            if (a >= depth) {
                return a;
            }
        }
        return allowed[allowed.length - 1];
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        int perRequest = perpetual ? 1500 : 1000;
        return CandlePager.page(interval, start, end, limit, perRequest, (from, to, count) -> {
            if (!perpetual && BinanceMapping.KLINE.containsKey(interval)) {
                return BinanceXChange.call(name, () -> md.klines(XChangeSymbols.currencyPair(pair),
                        BinanceMapping.KLINE.get(interval), count, from.toEpochMilli(), to.toEpochMilli() - 1))
                        .stream().map(BinanceMapping::candle).toList();
            }
            Query q = Query.of().add("symbol", BinanceMapping.symbol(pair)).add("interval", interval.wireName())
                    .add("startTime", from.toEpochMilli()).add("endTime", to.toEpochMilli() - 1).add("limit", count);
            return Json.list(api.get(perpetual ? "/fapi/v1/klines" : "/api/v3/klines", q)).stream()
                    .map(BinanceMapping::candle).toList();
        });
    }

    @Override
    public FundingInfo fundingInfo(TradingPair pair) {
        if (!perpetual) {
            return super.fundingInfo(pair);
        }
        BinanceFundingRate rate = BinanceXChange.call(name, () -> md.getBinanceFundingRate(instrument(pair)));
        return new FundingInfo(pair, rate.getIndexPrice(), rate.getMarkPrice(),
                rate.getNextFundingTime() == null ? null : rate.getNextFundingTime().toInstant(),
                rate.getLastFundingRate());
    }

    /**
     * USDⓈ-M's public funding history, {@code GET /fapi/v1/fundingRate} (ascending by {@code fundingTime} in ms;
     * {@code markPrice} present on newer rows, else null); paged by moving the start past the last row.
     */
    @Override
    public List<FundingRate> fundingRates(TradingPair pair, Instant start, Instant end, int limit) {
        if (!perpetual) {
            throw new VenueException.Unsupported(name, "funding-rate history is only available on binance_perpetual");
        }
        List<FundingRate> out = new java.util.ArrayList<>();
        long cursor = start.toEpochMilli();
        long endMillis = end.toEpochMilli();
        while (out.size() < limit && cursor < endMillis) {
            int n = Math.min(FUNDING_RATES_PER_REQUEST, limit - out.size());
            Query q = Query.of().add("symbol", BinanceMapping.symbol(pair)).add("startTime", cursor)
                    .add("endTime", endMillis - 1).add("limit", n);
            List<JsonNode> rows = Json.list(api.get("/fapi/v1/fundingRate", q));
            long last = -1;
            for (JsonNode row : rows) {
                long time = Json.lng(row, "fundingTime", -1);
                if (time < cursor || time >= endMillis) {
                    continue;
                }
                out.add(new FundingRate(pair, Instant.ofEpochMilli(time), Json.dec(row, "fundingRate"),
                        Json.dec(row, "markPrice")));
                last = Math.max(last, time);
            }
            if (rows.size() < n || last < 0) {
                break;
            }
            cursor = last + 1;
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    protected List<PublicTrade> recentTrades(TradingPair pair) {
        return BinanceXChange.call(name, () -> md.aggTradesAllProducts(instrument(pair), null, null, null, 100))
                .stream()
                .map(t -> new PublicTrade(pair, Long.toString(t.aggregateTradeId), Instant.ofEpochMilli(t.timestamp),
                        t.buyerMaker ? TradeType.SELL : TradeType.BUY, t.price, t.quantity))
                .toList();
    }

    @Override
    public Subscription subscribeOrderBook(TradingPair pair, OrderBookListener listener) {
        if (!settings.streaming()) {
            return super.subscribeOrderBook(pair, listener);
        }
        return BinanceStreams.orderBook(streamingExchange(), perpetual, pair, listener);
    }

    @Override
    public Subscription subscribeTrades(TradingPair pair, Consumer<PublicTrade> listener) {
        if (!settings.streaming()) {
            return super.subscribeTrades(pair, listener);
        }
        return BinanceStreams.trades(streamingExchange(), perpetual, pair, listener);
    }

    /** One xchange-stream exchange per subscription: Binance streams are chosen at connection time. */
    private info.bitrich.xchangestream.binance.BinanceStreamingExchange streamingExchange() {
        java.net.URI ws = settings.baseUrls().get(name + ".ws");
        return BinanceStreams.exchange(perpetual, baseUrl, ws == null ? null : ws.toString(), settings.requestTimeout());
    }

    VenueException unknownPair(TradingPair pair) {
        return new VenueException.NotFound(name, "unknown trading pair " + pair);
    }
}
