package io.aviary.connectors.venues.kucoin;

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

/** KuCoin spot public data: symbols, all tickers, level-2 snapshots, candles (1500 per page), trade history. */
final class KucoinMarketData extends PollingMarketData {

    static final Map<CandleInterval, String> TYPES = new EnumMap<>(CandleInterval.class);

    static {
        TYPES.put(CandleInterval.M1, "1min");
        TYPES.put(CandleInterval.M3, "3min");
        TYPES.put(CandleInterval.M5, "5min");
        TYPES.put(CandleInterval.M15, "15min");
        TYPES.put(CandleInterval.M30, "30min");
        TYPES.put(CandleInterval.H1, "1hour");
        TYPES.put(CandleInterval.H2, "2hour");
        TYPES.put(CandleInterval.H4, "4hour");
        TYPES.put(CandleInterval.H6, "6hour");
        TYPES.put(CandleInterval.H8, "8hour");
        TYPES.put(CandleInterval.H12, "12hour");
        TYPES.put(CandleInterval.D1, "1day");
        TYPES.put(CandleInterval.W1, "1week");
        TYPES.put(CandleInterval.MO1, "1month");
    }

    private final KucoinApi api;

    KucoinMarketData(String name, KucoinApi api, Duration pollInterval) {
        super(name, pollInterval);
        this.api = api;
    }

    static String symbol(TradingPair pair) {
        return pair.base() + "-" + pair.quote();
    }

    @Override
    public Map<TradingPair, TradingRule> tradingRules() {
        Map<TradingPair, TradingRule> out = new LinkedHashMap<>();
        for (JsonNode s : Json.list(api.get("/api/v2/symbols", Query.of()))) {
            if (!Json.bool(s, "enableTrading")) {
                continue;
            }
            try {
                TradingPair pair = new TradingPair(Json.str(s, "baseCurrency"), Json.str(s, "quoteCurrency"));
                out.put(pair, Rules.rule(pair, Json.dec(s, "baseMinSize"), Json.dec(s, "baseMaxSize"),
                        Json.dec(s, "priceIncrement"), Json.dec(s, "baseIncrement"), Json.dec(s, "quoteIncrement"),
                        Json.dec(s, "quoteMinSize"), true, null));
            } catch (IllegalArgumentException skipped) {
                // not a BASE-QUOTE pair Hummingbot can name
            }
        }
        return out;
    }

    @Override
    public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
        Set<TradingPair> wanted = Set.copyOf(pairs);
        Map<TradingPair, BigDecimal> out = new LinkedHashMap<>();
        for (JsonNode t : Json.list(api.get("/api/v1/market/allTickers", Query.of()).get("ticker"))) {
            try {
                TradingPair p = TradingPair.parse(Json.str(t, "symbol"));
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
        String level = depth <= 20 ? "level2_20" : "level2_100";
        JsonNode d = api.get("/api/v1/market/orderbook/" + level, Query.of().add("symbol", symbol(pair)));
        return new OrderBookSnapshot(pair, Json.lng(d, "sequence", 0), Instant.ofEpochMilli(Json.lng(d, "time", 0)),
                Json.priceLevels(d.get("bids"), depth), Json.priceLevels(d.get("asks"), depth));
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        String type = intervalCode(TYPES, interval, "KuCoin");
        return CandlePager.page(interval, start, end, limit, 1500, (from, to, count) ->
                Json.list(api.get("/api/v1/market/candles", Query.of().add("symbol", symbol(pair)).add("type", type)
                        .add("startAt", from.getEpochSecond()).add("endAt", to.getEpochSecond() - 1))).stream()
                        // [time(s), open, close, high, low, volume(base), turnover(quote)]
                        .map(r -> new Candle(Instant.ofEpochSecond(Json.lng(r.get(0), 0)), Json.dec(r.get(1)),
                                Json.dec(r.get(3)), Json.dec(r.get(4)), Json.dec(r.get(2)), Json.dec(r.get(5)),
                                Json.dec(r.get(6)), 0, BigDecimal.ZERO, BigDecimal.ZERO))
                        .toList());
    }

    @Override
    public Collection<CandleInterval> candleIntervals() {
        return TYPES.keySet();
    }

    @Override
    protected List<PublicTrade> recentTrades(TradingPair pair) {
        return Json.list(api.get("/api/v1/market/histories", Query.of().add("symbol", symbol(pair)))).stream()
                .map(t -> new PublicTrade(pair, Json.str(t, "sequence"),
                        Instant.ofEpochSecond(0, Json.lng(t, "time", 0)),
                        "sell".equals(Json.str(t, "side")) ? TradeType.SELL : TradeType.BUY,
                        Json.dec(t, "price"), Json.dec(t, "size")))
                .toList();
    }
}
