package io.aviary.connectors.venues.gateio;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.venues.support.CandleColumns;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.PollingMarketData;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.Rules;
import io.aviary.connectors.venues.support.VenueContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Gate.io spot public data; candles 1000 per page. */
final class GateIoMarketData extends PollingMarketData<GateIoApi> {

    /** [t, quote volume, close, high, low, open, base volume, window closed] */
    private static final CandleColumns CANDLE = CandleColumns.seconds(0, 5, 3, 4, 2, 6, 1);

    GateIoMarketData(VenueContext venue) {
        super(venue, new GateIoApi(venue, null));
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
        return rules(Json.list(api.get("/spot/currency_pairs", Query.of())),
                p -> "tradable".equals(Json.str(p, "trade_status")),
                p -> new TradingPair(Json.str(p, "base"), Json.str(p, "quote")),
                (pair, p) -> Rules.rule(pair, Json.dec(p, "min_base_amount"), Json.dec(p, "max_base_amount"),
                        Rules.increment((int) Json.lng(p, "precision", 8)),
                        Rules.increment((int) Json.lng(p, "amount_precision", 8)),
                        Rules.increment((int) Json.lng(p, "precision", 8)), Json.dec(p, "min_quote_amount"), true, null));
    }

    @Override
    public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
        Query q = pairs.size() == 1 ? Query.of().add("currency_pair", symbol(pairs.iterator().next())) : Query.of();
        return prices(pairs, Json.list(api.get("/spot/tickers", q)), t -> {
            try {
                return pair(Json.str(t, "currency_pair"));
            } catch (RuntimeException unnameable) {
                return null; // no '_' or no name at all
            }
        }, "last");
    }

    @Override
    public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
        JsonNode b = api.get("/spot/order_book", Query.of().add("currency_pair", symbol(pair))
                .add("limit", Math.min(1000, depth)).add("with_id", "true"));
        return snapshot(pair, Json.lng(b, "id", 0), Instant.ofEpochMilli(Json.lng(b, "current", 0)), b.get("bids"),
                b.get("asks"), depth);
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        return pagedCandles(interval, start, end, limit, 1000, CANDLE, (iv, from, to, count) ->
                api.get("/spot/candlesticks", Query.of().add("currency_pair", symbol(pair)).add("interval", iv)
                        .add("from", from.getEpochSecond()).add("to", to.getEpochSecond() - 1)));
    }

    @Override
    protected List<PublicTrade> recentTrades(TradingPair pair) {
        return Json.list(api.get("/spot/trades", Query.of().add("currency_pair", symbol(pair)).add("limit", 100)))
                .stream()
                .map(t -> new PublicTrade(pair, Json.str(t, "id"), Instant.ofEpochMilli(
                        Json.dec(t, "create_time_ms") == null ? 0 : Json.dec(t, "create_time_ms").longValue()),
                        side(t, "side", "sell"), Json.dec(t, "price"),
                        Json.dec(t, "amount")))
                .toList();
    }
}
