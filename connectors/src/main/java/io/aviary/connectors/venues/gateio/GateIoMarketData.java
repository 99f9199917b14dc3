package io.aviary.connectors.venues.gateio;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Gate.io spot public data; candles 1000 per page. */
final class GateIoMarketData extends PollingMarketData {

    static final Map<CandleInterval, String> INTERVALS = new EnumMap<>(CandleInterval.class);

    static {
        INTERVALS.put(CandleInterval.M1, "1m");
        INTERVALS.put(CandleInterval.M5, "5m");
        INTERVALS.put(CandleInterval.M15, "15m");
        INTERVALS.put(CandleInterval.M30, "30m");
        INTERVALS.put(CandleInterval.H1, "1h");
        INTERVALS.put(CandleInterval.H4, "4h");
        INTERVALS.put(CandleInterval.H8, "8h");
        INTERVALS.put(CandleInterval.D1, "1d");
        INTERVALS.put(CandleInterval.W1, "7d");
        INTERVALS.put(CandleInterval.MO1, "30d");
    }

    private final GateIoApi api;

    GateIoMarketData(String name, GateIoApi api, Duration pollInterval) {
        super(name, pollInterval);
        this.api = api;
    }

    static String symbol(TradingPair pair) {
        return pair.base() + "_" + pair.quote();
    }

    static TradingPair pair(String symbol) {
        int i = symbol.indexOf('_');
        return new TradingPair(symbol.substring(0, i), symbol.substring(i + 1));
    }

    @Override
    public Map<TradingPair, TradingRule> tradingRules() {
        Map<TradingPair, TradingRule> out = new LinkedHashMap<>();
        for (JsonNode p : Json.list(api.get("/spot/currency_pairs", Query.of()))) {
            if (!"tradable".equals(Json.str(p, "trade_status"))) {
                continue;
            }
            try {
                TradingPair pair = new TradingPair(Json.str(p, "base"), Json.str(p, "quote"));
                out.put(pair, Rules.rule(pair, Json.dec(p, "min_base_amount"), Json.dec(p, "max_base_amount"),
                        Rules.increment((int) Json.lng(p, "precision", 8)),
                        Rules.increment((int) Json.lng(p, "amount_precision", 8)),
                        Rules.increment((int) Json.lng(p, "precision", 8)), Json.dec(p, "min_quote_amount"), true, null));
            } catch (IllegalArgumentException skipped) {
                // not nameable as BASE-QUOTE
            }
        }
        return out;
    }

    @Override
    public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
        Set<TradingPair> wanted = Set.copyOf(pairs);
        Map<TradingPair, BigDecimal> out = new LinkedHashMap<>();
        Query q = pairs.size() == 1 ? Query.of().add("currency_pair", symbol(pairs.iterator().next())) : Query.of();
        for (JsonNode t : Json.list(api.get("/spot/tickers", q))) {
            try {
                TradingPair p = pair(Json.str(t, "currency_pair"));
                if (wanted.contains(p) && Json.dec(t, "last") != null) {
                    out.put(p, Json.dec(t, "last"));
                }
            } catch (RuntimeException ignored) {
                // skip
            }
        }
        return out;
    }

    @Override
    public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
        JsonNode b = api.get("/spot/order_book", Query.of().add("currency_pair", symbol(pair))
                .add("limit", Math.min(1000, depth)).add("with_id", "true"));
        return new OrderBookSnapshot(pair, Json.lng(b, "id", 0), Instant.ofEpochMilli(Json.lng(b, "current", 0)),
                Json.priceLevels(b.get("bids"), depth), Json.priceLevels(b.get("asks"), depth));
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        String iv = intervalCode(INTERVALS, interval, "Gate.io");
        return CandlePager.page(interval, start, end, limit, 1000, (from, to, count) ->
                Json.list(api.get("/spot/candlesticks", Query.of().add("currency_pair", symbol(pair)).add("interval", iv)
                        .add("from", from.getEpochSecond()).add("to", to.getEpochSecond() - 1))).stream()
                        // [t, quote volume, close, high, low, open, base volume, window closed]
                        .map(x -> new Candle(Instant.ofEpochSecond(Json.lng(x.get(0), 0)), Json.dec(x.get(5)),
                                Json.dec(x.get(3)), Json.dec(x.get(4)), Json.dec(x.get(2)), Json.dec(x.get(6)),
                                Json.dec(x.get(1)), 0, BigDecimal.ZERO, BigDecimal.ZERO))
                        .toList());
    }

    @Override
    public Collection<CandleInterval> candleIntervals() {
        return INTERVALS.keySet();
    }

    @Override
    protected List<PublicTrade> recentTrades(TradingPair pair) {
        return Json.list(api.get("/spot/trades", Query.of().add("currency_pair", symbol(pair)).add("limit", 100)))
                .stream()
                .map(t -> new PublicTrade(pair, Json.str(t, "id"), Instant.ofEpochMilli(
                        Json.dec(t, "create_time_ms") == null ? 0 : Json.dec(t, "create_time_ms").longValue()),
                        "sell".equals(Json.str(t, "side")) ? TradeType.SELL : TradeType.BUY, Json.dec(t, "price"),
                        Json.dec(t, "amount")))
                .toList();
    }
}
