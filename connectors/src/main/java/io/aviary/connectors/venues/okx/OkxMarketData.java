package io.aviary.connectors.venues.okx;

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

/**
 * OKX spot public data. Candles come from {@code history-candles}, 100 per page, asked per window with
 * {@code after} (older than, exclusive) and {@code before} (newer than, exclusive); bars of 6h and longer
 * use OKX's UTC-aligned variants so open times match other venues.
 */
final class OkxMarketData extends PollingMarketData {

    static final Map<CandleInterval, String> BARS = new EnumMap<>(CandleInterval.class);

    static {
        BARS.put(CandleInterval.S1, "1s");
        BARS.put(CandleInterval.M1, "1m");
        BARS.put(CandleInterval.M3, "3m");
        BARS.put(CandleInterval.M5, "5m");
        BARS.put(CandleInterval.M15, "15m");
        BARS.put(CandleInterval.M30, "30m");
        BARS.put(CandleInterval.H1, "1H");
        BARS.put(CandleInterval.H2, "2H");
        BARS.put(CandleInterval.H4, "4H");
        BARS.put(CandleInterval.H6, "6Hutc");
        BARS.put(CandleInterval.H12, "12Hutc");
        BARS.put(CandleInterval.D1, "1Dutc");
        BARS.put(CandleInterval.D3, "3Dutc");
        BARS.put(CandleInterval.W1, "1Wutc");
        BARS.put(CandleInterval.MO1, "1Mutc");
    }

    private final OkxApi api;

    OkxMarketData(String name, OkxApi api, Duration pollInterval) {
        super(name, pollInterval);
        this.api = api;
    }

    static String instId(TradingPair pair) {
        return pair.base() + "-" + pair.quote();
    }

    @Override
    public Map<TradingPair, TradingRule> tradingRules() {
        Map<TradingPair, TradingRule> out = new LinkedHashMap<>();
        for (JsonNode i : Json.list(api.get("/api/v5/public/instruments", Query.of().add("instType", "SPOT")))) {
            if (!"live".equals(Json.str(i, "state"))) {
                continue;
            }
            try {
                TradingPair pair = new TradingPair(Json.str(i, "baseCcy"), Json.str(i, "quoteCcy"));
                out.put(pair, Rules.rule(pair, Json.dec(i, "minSz"), Json.dec(i, "maxLmtSz"), Json.dec(i, "tickSz"),
                        Json.dec(i, "lotSz"), null, null, true, null));
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
        for (JsonNode t : Json.list(api.get("/api/v5/market/tickers", Query.of().add("instType", "SPOT")))) {
            try {
                TradingPair p = TradingPair.parse(Json.str(t, "instId"));
                if (wanted.contains(p) && Json.dec(t, "last") != null) {
                    out.put(p, Json.dec(t, "last"));
                }
            } catch (IllegalArgumentException ignored) {
                // skip
            }
        }
        return out;
    }

    @Override
    public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
        JsonNode b = api.get("/api/v5/market/books", Query.of().add("instId", instId(pair))
                .add("sz", Math.min(400, Math.max(1, depth)))).path(0);
        return new OrderBookSnapshot(pair, Json.lng(b, "seqId", Json.lng(b, "ts", 0)),
                Instant.ofEpochMilli(Json.lng(b, "ts", 0)), Json.priceLevels(b.get("bids"), depth), Json.priceLevels(b.get("asks"), depth));
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        String bar = intervalCode(BARS, interval, "OKX");
        return CandlePager.page(interval, start, end, limit, 100, (from, to, count) ->
                Json.list(api.get("/api/v5/market/history-candles", Query.of().add("instId", instId(pair))
                        .add("bar", bar).add("after", to.toEpochMilli()).add("before", from.toEpochMilli() - 1)
                        .add("limit", count))).stream()
                        // [ts, o, h, l, c, vol(base), volCcy(quote), volCcyQuote, confirm]
                        .map(r -> new Candle(Instant.ofEpochMilli(Json.lng(r.get(0), 0)), Json.dec(r.get(1)),
                                Json.dec(r.get(2)), Json.dec(r.get(3)), Json.dec(r.get(4)), Json.dec(r.get(5)),
                                Json.dec(r.get(6)), 0, BigDecimal.ZERO, BigDecimal.ZERO))
                        .toList());
    }

    @Override
    public Collection<CandleInterval> candleIntervals() {
        return BARS.keySet();
    }

    @Override
    protected List<PublicTrade> recentTrades(TradingPair pair) {
        return Json.list(api.get("/api/v5/market/trades", Query.of().add("instId", instId(pair)).add("limit", 100)))
                .stream()
                .map(t -> new PublicTrade(pair, Json.str(t, "tradeId"), Instant.ofEpochMilli(Json.lng(t, "ts", 0)),
                        "sell".equals(Json.str(t, "side")) ? TradeType.SELL : TradeType.BUY, Json.dec(t, "px"),
                        Json.dec(t, "sz")))
                .toList();
    }
}
