package io.aviary.connectors.venues.okx;

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

/**
 * OKX spot public data. Candles come from {@code history-candles}, 100 per page, asked per window with
 * {@code after} (older than, exclusive) and {@code before} (newer than, exclusive); bars of 6h and longer
 * use OKX's UTC-aligned variants so open times match other venues.
 */
final class OkxMarketData extends PollingMarketData<OkxApi> {

    /** [ts, o, h, l, c, vol(base), volCcy(quote), volCcyQuote, confirm] */
    private static final CandleColumns CANDLE = CandleColumns.millis(0, 1, 2, 3, 4, 5, 6);

    OkxMarketData(VenueContext venue) {
        super(venue, new OkxApi(venue, null));
    }

    static String instId(TradingPair pair) {
        return pair.base() + "-" + pair.quote();
    }

    @Override
    public Map<TradingPair, TradingRule> tradingRules() {
        return rules(Json.list(api.get("/api/v5/public/instruments", Query.of().add("instType", "SPOT"))),
                i -> "live".equals(Json.str(i, "state")), i -> new TradingPair(Json.str(i, "baseCcy"), Json.str(i, "quoteCcy")),
                (pair, i) -> Rules.rule(pair, Json.dec(i, "minSz"), Json.dec(i, "maxLmtSz"), Json.dec(i, "tickSz"),
                        Json.dec(i, "lotSz"), null, null, true, null));
    }

    @Override
    public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
        return prices(pairs, Json.list(api.get("/api/v5/market/tickers", Query.of().add("instType", "SPOT"))),
                t -> TradingPair.parse(Json.str(t, "instId")), "last");
    }

    @Override
    public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
        JsonNode b = api.get("/api/v5/market/books", Query.of().add("instId", instId(pair))
                .add("sz", Math.min(400, Math.max(1, depth)))).path(0);
        return snapshot(pair, Json.lng(b, "seqId", Json.lng(b, "ts", 0)), Instant.ofEpochMilli(Json.lng(b, "ts", 0)),
                b.get("bids"), b.get("asks"), depth);
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        return pagedCandles(interval, start, end, limit, 100, CANDLE, (bar, from, to, count) ->
                api.get("/api/v5/market/history-candles", Query.of().add("instId", instId(pair)).add("bar", bar)
                        .add("after", to.toEpochMilli()).add("before", from.toEpochMilli() - 1).add("limit", count)));
    }

    @Override
    protected List<PublicTrade> recentTrades(TradingPair pair) {
        return Json.list(api.get("/api/v5/market/trades", Query.of().add("instId", instId(pair)).add("limit", 100)))
                .stream()
                .map(t -> new PublicTrade(pair, Json.str(t, "tradeId"), Instant.ofEpochMilli(Json.lng(t, "ts", 0)),
                        side(t, "side", "sell"), Json.dec(t, "px"),
                        Json.dec(t, "sz")))
                .toList();
    }
}
