package io.aviary.connectors.venues.bybit;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Bybit spot public data ({@code category=spot}); candles 1000 per page. */
final class BybitMarketData extends PollingMarketData<BybitApi> {

    /** [startTime, open, high, low, close, volume(base), turnover(quote)] */
    private static final CandleColumns CANDLE = CandleColumns.millis(0, 1, 2, 3, 4, 5, 6);

    BybitMarketData(VenueContext venue) {
        super(venue, new BybitApi(venue, null));
    }

    static String symbol(TradingPair pair) {
        return pair.base() + pair.quote();
    }

    @Override
    public Map<TradingPair, TradingRule> tradingRules() {
        Map<String, TradingPair> bySymbol = new HashMap<>();
        JsonNode list = api.get("/v5/market/instruments-info", Query.of().add("category", "spot")).get("list");
        Map<TradingPair, TradingRule> out = rules(Json.list(list), i -> "Trading".equals(Json.str(i, "status")),
                i -> new TradingPair(Json.str(i, "baseCoin"), Json.str(i, "quoteCoin")), (pair, i) -> {
                    JsonNode lot = i.path("lotSizeFilter");
                    TradingRule rule = Rules.rule(pair, Json.dec(lot, "minOrderQty"), Json.dec(lot, "maxOrderQty"),
                            Json.dec(i.path("priceFilter"), "tickSize"), Json.dec(lot, "basePrecision"),
                            Json.dec(lot, "quotePrecision"), Json.dec(lot, "minOrderAmt"), true, null);
                    bySymbol.put(Json.str(i, "symbol"), pair);
                    return rule;
                });
        rememberSymbols(bySymbol);
        return out;
    }

    @Override
    public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
        Map<String, TradingPair> bySymbol = new HashMap<>();
        Set.copyOf(pairs).forEach(p -> bySymbol.put(symbol(p), p));
        return prices(pairs, Json.list(api.get("/v5/market/tickers", Query.of().add("category", "spot")).get("list")),
                t -> bySymbol.get(Json.str(t, "symbol")), "lastPrice");
    }

    @Override
    public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
        JsonNode r = api.get("/v5/market/orderbook", Query.of().add("category", "spot").add("symbol", symbol(pair))
                .add("limit", Math.min(200, Math.max(1, depth))));
        return snapshot(pair, Json.lng(r, "u", 0), Instant.ofEpochMilli(Json.lng(r, "ts", 0)), r.get("b"), r.get("a"),
                depth);
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        return pagedCandles(interval, start, end, limit, 1000, CANDLE, (iv, from, to, count) ->
                api.get("/v5/market/kline", Query.of().add("category", "spot").add("symbol", symbol(pair))
                        .add("interval", iv).add("start", from.toEpochMilli()).add("end", to.toEpochMilli() - 1)
                        .add("limit", count)).get("list"));
    }

    @Override
    protected List<PublicTrade> recentTrades(TradingPair pair) {
        return Json.list(api.get("/v5/market/recent-trade", Query.of().add("category", "spot")
                        .add("symbol", symbol(pair)).add("limit", 60)).get("list")).stream()
                .map(t -> new PublicTrade(pair, Json.str(t, "execId"), Instant.ofEpochMilli(Json.lng(t, "time", 0)),
                        side(t, "side", "Sell"), Json.dec(t, "price"),
                        Json.dec(t, "size")))
                .toList();
    }
}
