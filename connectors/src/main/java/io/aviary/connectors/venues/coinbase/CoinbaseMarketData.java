package io.aviary.connectors.venues.coinbase;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.venues.support.CandlePager;
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

/** Coinbase Advanced Trade public market data ({@code /market/…}, no auth); candles 350 per page. */
final class CoinbaseMarketData extends PollingMarketData<CoinbaseApi> {

    static final String BASE = "/api/v3/brokerage";

    CoinbaseMarketData(VenueContext venue) {
        super(venue, new CoinbaseApi(venue, null));
    }

    static String productId(TradingPair pair) {
        return pair.base() + "-" + pair.quote();
    }

    private List<JsonNode> products() {
        return Json.list(api.get(BASE + "/market/products", Query.of().add("product_type", "SPOT")).get("products"));
    }

    @Override
    public Map<TradingPair, TradingRule> tradingRules() {
        return rules(products(), p -> !Json.bool(p, "trading_disabled") && !Json.bool(p, "is_disabled")
                        && (Json.str(p, "status") == null || "online".equals(Json.str(p, "status"))),
                p -> TradingPair.parse(Json.str(p, "product_id")), (pair, p) -> {
                    BigDecimal tick = Json.dec(p, "price_increment") != null ? Json.dec(p, "price_increment")
                            : Json.dec(p, "quote_increment");
                    return Rules.rule(pair, Json.dec(p, "base_min_size"), Json.dec(p, "base_max_size"), tick,
                            Json.dec(p, "base_increment"), Json.dec(p, "quote_increment"), Json.dec(p, "quote_min_size"),
                            true, null);
                });
    }

    @Override
    public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
        return prices(pairs, products(), p -> TradingPair.parse(Json.str(p, "product_id")), "price");
    }

    @Override
    public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
        JsonNode book = api.get(BASE + "/market/product_book", Query.of().add("product_id", productId(pair))
                .add("limit", depth)).path("pricebook");
        String time = Json.str(book, "time");
        Instant t = time == null ? Instant.now() : Instant.parse(time);
        return new OrderBookSnapshot(pair, t.toEpochMilli(), t, levels(book.get("bids"), depth),
                levels(book.get("asks"), depth));
    }

    private static List<PriceLevel> levels(JsonNode rows, int depth) {
        return Json.list(rows).stream().limit(depth)
                .map(x -> new PriceLevel(Json.dec(x, "price"), Json.dec(x, "size"))).toList();
    }

    @Override
    public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
        String g = intervalCode(interval);
        return CandlePager.page(interval, start, end, limit, 350, (from, to, count) ->
                Json.list(api.get(BASE + "/market/products/" + productId(pair) + "/candles", Query.of()
                        .add("start", from.getEpochSecond()).add("end", to.getEpochSecond() - 1)
                        .add("granularity", g)).get("candles")).stream()
                        .map(c -> new Candle(Instant.ofEpochSecond(Json.lng(c, "start", 0)), Json.dec(c, "open"),
                                Json.dec(c, "high"), Json.dec(c, "low"), Json.dec(c, "close"), Json.dec(c, "volume"),
                                BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO))
                        .toList());
    }

    @Override
    protected List<PublicTrade> recentTrades(TradingPair pair) {
        return Json.list(api.get(BASE + "/market/products/" + productId(pair) + "/ticker", Query.of().add("limit", 100))
                        .get("trades")).stream()
                .map(t -> new PublicTrade(pair, Json.str(t, "trade_id"), Instant.parse(Json.str(t, "time")),
                        side(t, "side", "SELL"), Json.dec(t, "price"),
                        Json.dec(t, "size")))
                .toList();
    }
}
