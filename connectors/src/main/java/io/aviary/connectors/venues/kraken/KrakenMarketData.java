package io.aviary.connectors.venues.kraken;

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
import io.aviary.connectors.venues.support.VenueContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Kraken spot public data. Pairs are named from {@code wsname} ({@code XBT/USD} → {@code BTC-USD}) and
 * addressed by {@code altname}. OHLC returns at most the 720 most recent candles of an interval (Hummingbot's
 * {@code MAX_CANDLES_AGO}); older ranges come back empty.
 */
final class KrakenMarketData extends PollingMarketData<KrakenApi> {

    /** altname (request name) and result key of one pair. */
    record PairNames(String altname, String key) {
    }

    private volatile Map<TradingPair, PairNames> names = Map.of();
    private volatile Map<String, TradingPair> byKey = Map.of();

    KrakenMarketData(VenueContext venue) {
        super(venue, new KrakenApi(venue, null));
    }

    @Override
    public Map<TradingPair, TradingRule> tradingRules() {
        Map<TradingPair, TradingRule> out = new LinkedHashMap<>();
        Map<TradingPair, PairNames> n = new HashMap<>();
        Map<String, TradingPair> k = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : api.get("AssetPairs", Query.of()).properties()) {
            JsonNode p = e.getValue();
            String ws = Json.str(p, "wsname");
            if (ws == null || !ws.contains("/") || (Json.str(p, "status") != null && !"online".equals(Json.str(p, "status")))) {
                continue;
            }
            try {
                String[] parts = ws.split("/");
                TradingPair pair = new TradingPair(KrakenApi.asset(parts[0]), KrakenApi.asset(parts[1]));
                BigDecimal tick = Json.dec(p, "tick_size") != null ? Json.dec(p, "tick_size")
                        : Rules.increment((int) Json.lng(p, "pair_decimals", 8));
                out.put(pair, Rules.rule(pair, Json.dec(p, "ordermin"), null, tick,
                        Rules.increment((int) Json.lng(p, "lot_decimals", 8)),
                        Rules.increment((int) Json.lng(p, "cost_decimals", 8)), Json.dec(p, "costmin"), true, null));
                n.put(pair, new PairNames(Json.str(p, "altname"), e.getKey()));
                k.put(e.getKey(), pair);
            } catch (IllegalArgumentException skipped) {
                // not nameable as BASE-QUOTE
            }
        }
        names = Map.copyOf(n);
        byKey = Map.copyOf(k);
        return out;
    }

    PairNames names(TradingPair pair) {
        if (names.isEmpty()) {
            tradingRules();
        }
        PairNames p = names.get(pair);
        if (p == null) {
            throw new VenueException.NotFound(name, "unknown trading pair " + pair);
        }
        return p;
    }

    TradingPair pairOfKey(String key) {
        if (byKey.isEmpty()) {
            tradingRules();
        }
        TradingPair p = byKey.get(key);
        if (p == null) {
            // descr.pair of orders carries the altname
            p = names.entrySet().stream().filter(e -> e.getValue().altname().equals(key)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
        }
        return p;
    }

    @Override
    public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
        Map<TradingPair, BigDecimal> out = new LinkedHashMap<>();
        if (names.isEmpty()) {
            tradingRules();
        }
        List<TradingPair> known = pairs.stream().filter(names::containsKey).toList();
        if (known.isEmpty()) {
            return out;
        }
        String list = known.stream().map(p -> names.get(p).altname()).collect(Collectors.joining(","));
        for (Map.Entry<String, JsonNode> e : api.get("Ticker", Query.of().add("pair", list)).properties()) {
            TradingPair p = pairOfKey(e.getKey());
            if (p != null) {
                out.put(p, Json.dec(e.getValue().path("c").path(0)));
            }
        }
        return out;
    }

    @Override
    public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
        JsonNode r = api.get("Depth", Query.of().add("pair", names(pair).altname()).add("count", Math.min(500, depth)));
        JsonNode book = r.properties().iterator().next().getValue();
        return snapshot(pair, System.currentTimeMillis(), Instant.now(), book.get("bids"), book.get("asks"), depth);
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        String minutes = intervalCode(interval);
        String alt = names(pair).altname();
        return CandlePager.page(interval, start, end, limit, 720, (from, to, count) -> {
            JsonNode r = api.get("OHLC", Query.of().add("pair", alt).add("interval", minutes)
                    .add("since", from.getEpochSecond() - 1));
            for (Map.Entry<String, JsonNode> e : r.properties()) {
                if (!"last".equals(e.getKey())) {
                    // [time, open, high, low, close, vwap, volume, count]
                    return Json.list(e.getValue()).stream().map(x -> {
                        BigDecimal volume = Json.dec(x.get(6));
                        BigDecimal vwap = Json.dec(x.get(5));
                        return new Candle(Instant.ofEpochSecond(Json.lng(x.get(0), 0)), Json.dec(x.get(1)),
                                Json.dec(x.get(2)), Json.dec(x.get(3)), Json.dec(x.get(4)), volume,
                                vwap == null || volume == null ? BigDecimal.ZERO : vwap.multiply(volume),
                                Json.lng(x.get(7), 0), BigDecimal.ZERO, BigDecimal.ZERO);
                    }).toList();
                }
            }
            return List.of();
        });
    }

    @Override
    protected List<PublicTrade> recentTrades(TradingPair pair) {
        JsonNode r = api.get("Trades", Query.of().add("pair", names(pair).altname()).add("count", 100));
        for (Map.Entry<String, JsonNode> e : r.properties()) {
            if (!"last".equals(e.getKey())) {
                // [price, volume, time, side, type, misc, trade_id]
                return Json.list(e.getValue()).stream().map(x -> new PublicTrade(pair,
                        x.size() > 6 ? Json.str(x.get(6)) : Json.str(x.get(2)),
                        Instant.ofEpochMilli((long) (Double.parseDouble(Json.str(x.get(2))) * 1000)),
                        "s".equals(Json.str(x.get(3))) ? TradeType.SELL : TradeType.BUY, Json.dec(x.get(0)),
                        Json.dec(x.get(1)))).toList();
            }
        }
        return List.of();
    }
}
