package io.aviary.connectors.venues.kucoin;

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

/** KuCoin spot public data: symbols, all tickers, level-2 snapshots, candles (1500 per page), trade history. */
final class KucoinMarketData extends PollingMarketData<KucoinApi> {

    /** [time(s), open, close, high, low, volume(base), turnover(quote)] */
    private static final CandleColumns CANDLE = CandleColumns.seconds(0, 1, 3, 4, 2, 5, 6);

    KucoinMarketData(VenueContext venue) {
        super(venue, new KucoinApi(venue, null));
    }

    static String symbol(TradingPair pair) {
        return pair.base() + "-" + pair.quote();
    }

    @Override
    public Map<TradingPair, TradingRule> tradingRules() {
        return rules(Json.list(api.get("/api/v2/symbols", Query.of())), s -> Json.bool(s, "enableTrading"),
                s -> new TradingPair(Json.str(s, "baseCurrency"), Json.str(s, "quoteCurrency")),
                (pair, s) -> Rules.rule(pair, Json.dec(s, "baseMinSize"), Json.dec(s, "baseMaxSize"),
                        Json.dec(s, "priceIncrement"), Json.dec(s, "baseIncrement"), Json.dec(s, "quoteIncrement"),
                        Json.dec(s, "quoteMinSize"), true, null));
    }

    @Override
    public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
        return prices(pairs, Json.list(api.get("/api/v1/market/allTickers", Query.of()).get("ticker")),
                t -> TradingPair.parse(Json.str(t, "symbol")), "last");
    }

    @Override
    public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
        String level = depth <= 20 ? "level2_20" : "level2_100";
        JsonNode d = api.get("/api/v1/market/orderbook/" + level, Query.of().add("symbol", symbol(pair)));
        return snapshot(pair, Json.lng(d, "sequence", 0), Instant.ofEpochMilli(Json.lng(d, "time", 0)), d.get("bids"),
                d.get("asks"), depth);
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        return pagedCandles(interval, start, end, limit, 1500, CANDLE, (type, from, to, count) ->
                api.get("/api/v1/market/candles", Query.of().add("symbol", symbol(pair)).add("type", type)
                        .add("startAt", from.getEpochSecond()).add("endAt", to.getEpochSecond() - 1)));
    }

    @Override
    protected List<PublicTrade> recentTrades(TradingPair pair) {
        return Json.list(api.get("/api/v1/market/histories", Query.of().add("symbol", symbol(pair)))).stream()
                .map(t -> new PublicTrade(pair, Json.str(t, "sequence"),
                        Instant.ofEpochSecond(0, Json.lng(t, "time", 0)),
                        side(t, "side", "sell"),
                        Json.dec(t, "price"), Json.dec(t, "size")))
                .toList();
    }
}
