package io.aviary.connectors.venues.bybit;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.CandlePager;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.PollingMarketData;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.Rules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Bybit spot public data ({@code category=spot}); candles 1000 per page. */
final class BybitMarketData extends PollingMarketData {

    static final Map<CandleInterval, String> INTERVALS = new EnumMap<>(CandleInterval.class);

    static {
        INTERVALS.put(CandleInterval.M1, "1");
        INTERVALS.put(CandleInterval.M3, "3");
        INTERVALS.put(CandleInterval.M5, "5");
        INTERVALS.put(CandleInterval.M15, "15");
        INTERVALS.put(CandleInterval.M30, "30");
        INTERVALS.put(CandleInterval.H1, "60");
        INTERVALS.put(CandleInterval.H2, "120");
        INTERVALS.put(CandleInterval.H4, "240");
        INTERVALS.put(CandleInterval.H6, "360");
        INTERVALS.put(CandleInterval.H12, "720");
        INTERVALS.put(CandleInterval.D1, "D");
        INTERVALS.put(CandleInterval.W1, "W");
        INTERVALS.put(CandleInterval.MO1, "M");
    }

    private final BybitApi api;
    private volatile Map<String, TradingPair> symbols = Map.of();

    BybitMarketData(String name, BybitApi api, Duration pollInterval) {
        super(name, pollInterval);
        this.api = api;
    }

    static String symbol(TradingPair pair) {
        return pair.base() + pair.quote();
    }

    @Override
    public Map<TradingPair, TradingRule> tradingRules() {
        Map<TradingPair, TradingRule> out = new LinkedHashMap<>();
        Map<String, TradingPair> bySymbol = new HashMap<>();
        JsonNode list = api.get("/v5/market/instruments-info", Query.of().add("category", "spot")).get("list");
        for (JsonNode i : Json.list(list)) {
            if (!"Trading".equals(Json.str(i, "status"))) {
                continue;
            }
            try {
                TradingPair pair = new TradingPair(Json.str(i, "baseCoin"), Json.str(i, "quoteCoin"));
                JsonNode lot = i.path("lotSizeFilter");
                out.put(pair, Rules.rule(pair, Json.dec(lot, "minOrderQty"), Json.dec(lot, "maxOrderQty"),
                        Json.dec(i.path("priceFilter"), "tickSize"), Json.dec(lot, "basePrecision"),
                        Json.dec(lot, "quotePrecision"), Json.dec(lot, "minOrderAmt"), true, null));
                bySymbol.put(Json.str(i, "symbol"), pair);
            } catch (IllegalArgumentException skipped) {
                // not nameable as BASE-QUOTE
            }
        }
        symbols = Map.copyOf(bySymbol);
        return out;
    }

    TradingPair pairOf(String symbol) {
        if (symbols.isEmpty()) {
            tradingRules();
        }
        return symbols.get(symbol);
    }

    @Override
    public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
        Set<TradingPair> wanted = Set.copyOf(pairs);
        Map<TradingPair, BigDecimal> out = new LinkedHashMap<>();
        Map<String, TradingPair> bySymbol = new HashMap<>();
        wanted.forEach(p -> bySymbol.put(symbol(p), p));
        for (JsonNode t : Json.list(api.get("/v5/market/tickers", Query.of().add("category", "spot")).get("list"))) {
            TradingPair p = bySymbol.get(Json.str(t, "symbol"));
            if (p != null && Json.dec(t, "lastPrice") != null) {
                out.put(p, Json.dec(t, "lastPrice"));
            }
        }
        return out;
    }

    @Override
    public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
        JsonNode r = api.get("/v5/market/orderbook", Query.of().add("category", "spot").add("symbol", symbol(pair))
                .add("limit", Math.min(200, Math.max(1, depth))));
        return new OrderBookSnapshot(pair, Json.lng(r, "u", 0), Instant.ofEpochMilli(Json.lng(r, "ts", 0)),
                Json.priceLevels(r.get("b"), depth), Json.priceLevels(r.get("a"), depth));
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        String iv = intervalCode(INTERVALS, interval, "Bybit");
        return CandlePager.page(interval, start, end, limit, 1000, (from, to, count) ->
                Json.list(api.get("/v5/market/kline", Query.of().add("category", "spot").add("symbol", symbol(pair))
                        .add("interval", iv).add("start", from.toEpochMilli()).add("end", to.toEpochMilli() - 1)
                        .add("limit", count)).get("list")).stream()
                        // [startTime, open, high, low, close, volume(base), turnover(quote)]
                        .map(x -> new Candle(Instant.ofEpochMilli(Json.lng(x.get(0), 0)), Json.dec(x.get(1)),
                                Json.dec(x.get(2)), Json.dec(x.get(3)), Json.dec(x.get(4)), Json.dec(x.get(5)),
                                Json.dec(x.get(6)), 0, BigDecimal.ZERO, BigDecimal.ZERO))
                        .toList());
    }

    @Override
    public Collection<CandleInterval> candleIntervals() {
        return INTERVALS.keySet();
    }

    @Override
    protected List<PublicTrade> recentTrades(TradingPair pair) {
        return Json.list(api.get("/v5/market/recent-trade", Query.of().add("category", "spot")
                        .add("symbol", symbol(pair)).add("limit", 60)).get("list")).stream()
                .map(t -> new PublicTrade(pair, Json.str(t, "execId"), Instant.ofEpochMilli(Json.lng(t, "time", 0)),
                        "Sell".equals(Json.str(t, "side")) ? TradeType.SELL : TradeType.BUY, Json.dec(t, "price"),
                        Json.dec(t, "size")))
                .toList();
    }
}
