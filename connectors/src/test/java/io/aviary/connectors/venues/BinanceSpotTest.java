package io.aviary.connectors.venues;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.Signing;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BinanceSpotTest extends WireMockVenueTest {

    static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");

    ConnectorFactory factory;
    MarketDataConnector md;
    TradingConnector trading;

    @BeforeEach
    void setUp() {
        factory = factory("binance", settings("binance"));
        md = factory.marketData();
        trading = factory.trading(Map.of("binance_api_key", KEY, "binance_api_secret", SECRET));
        wm.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).willReturn(okJson(fixture("binance/exchangeInfo.json"))));
    }

    @Test
    void specUsesHummingbotCredentialNames() {
        assertThat(factory.spec().configFields()).containsExactly("binance_api_key", "binance_api_secret");
        assertThat(factory.spec().perpetual()).isFalse();
    }

    @Test
    void tradingRulesFromExchangeInfoFilters() {
        Map<TradingPair, TradingRule> rules = md.tradingRules();
        assertThat(rules).containsOnlyKeys(BTC_USDT, TradingPair.parse("ETH-BTC"));
        TradingRule r = rules.get(BTC_USDT);
        assertThat(r.minOrderSize()).isEqualByComparingTo("0.00001");
        assertThat(r.maxOrderSize()).isEqualByComparingTo("9000");
        assertThat(r.minPriceIncrement()).isEqualByComparingTo("0.01");
        assertThat(r.minBaseAmountIncrement()).isEqualByComparingTo("0.00001");
        assertThat(r.minNotionalSize()).isEqualByComparingTo("5");
        assertThat(r.supportsMarketOrders()).isTrue();
    }

    @Test
    void lastPrices() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/ticker/price")).willReturn(okJson(fixture("binance/tickerPrice.json"))));
        Map<TradingPair, BigDecimal> prices = md.lastPrices(List.of(BTC_USDT, TradingPair.parse("ETH-BTC"),
                TradingPair.parse("DOGE-USDT")));
        assertThat(prices).hasSize(2);
        assertThat(prices.get(BTC_USDT)).isEqualByComparingTo("43250.01");
        assertThat(prices.get(TradingPair.parse("ETH-BTC"))).isEqualByComparingTo("0.05212");
    }

    @Test
    void orderBookSnapshot() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/depth")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("limit", equalTo("5")).willReturn(okJson(fixture("binance/depth.json"))));
        OrderBookSnapshot book = md.orderBook(BTC_USDT, 2);
        assertThat(book.sequence()).isEqualTo(1027024);
        assertThat(book.bids()).hasSize(2);
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("43250.00");
        assertThat(book.asks().get(0).price()).isEqualByComparingTo("43250.01");
        assertThat(book.asks().get(1).amount()).isEqualByComparingTo("2");
    }

    /** 1500 one-minute candles take two requests of at most 1000 (Binance's maximum). */
    @Test
    void candlesPageThroughTheVenueMaximum() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        Instant second = start.plusSeconds(1000 * 60);
        wm.stubFor(get(urlPathEqualTo("/api/v3/klines")).withQueryParam("startTime", equalTo(Long.toString(start.toEpochMilli())))
                .willReturn(okJson(klines(start, 1000))));
        wm.stubFor(get(urlPathEqualTo("/api/v3/klines")).withQueryParam("startTime", equalTo(Long.toString(second.toEpochMilli())))
                .willReturn(okJson(klines(second, 500))));
        List<Candle> candles = md.candles(BTC_USDT, CandleInterval.M1, start, start.plusSeconds(1500 * 60), 5000);
        assertThat(candles).hasSize(1500);
        assertThat(candles.get(0).openTime()).isEqualTo(start);
        assertThat(candles.get(1499).openTime()).isEqualTo(start.plusSeconds(1499 * 60));
        assertThat(candles.get(0).quoteAssetVolume()).isEqualByComparingTo("4325.5");
        assertThat(candles.get(0).trades()).isEqualTo(42);
        List<LoggedRequest> reqs = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/klines")));
        assertThat(reqs).hasSize(2);
        assertThat(reqs.get(0).queryParameter("limit").firstValue()).isEqualTo("1000");
        assertThat(reqs.get(0).queryParameter("interval").firstValue()).isEqualTo("1m");
        assertThat(reqs.get(1).queryParameter("startTime").firstValue()).isEqualTo(Long.toString(second.toEpochMilli()));
    }

    /** Rows as GET /api/v3/klines documents them. */
    static String klines(Instant from, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            long open = from.toEpochMilli() + i * 60_000L;
            if (i > 0) {
                sb.append(',');
            }
            sb.append("[").append(open).append(",\"43000.00\",\"43010.00\",\"42990.00\",\"43005.00\",\"0.10000000\",")
                    .append(open + 59_999).append(",\"4325.50000000\",42,\"0.05000000\",\"2162.75000000\",\"0\"]");
        }
        return sb.append("]").toString();
    }

    @Test
    void balances() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/account")).willReturn(okJson(fixture("binance/account.json"))));
        List<Balance> balances = trading.balances();
        assertThat(balances).extracting(Balance::asset).containsExactlyInAnyOrder("BTC", "USDT");
        Balance btc = balances.stream().filter(b -> b.asset().equals("BTC")).findFirst().orElseThrow();
        assertThat(btc.total()).isEqualByComparingTo("0.6");
        assertThat(btc.available()).isEqualByComparingTo("0.5");
    }

    @Test
    void placeLimitOrderIsSignedAsDocumented() {
        wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(okJson(fixture("binance/newOrder.json"))));
        OrderUpdate o = trading.placeOrder(new OrderRequest("HBOT-B-BTUT-1", BTC_USDT, TradeType.BUY, OrderType.LIMIT,
                new BigDecimal("0.01"), new BigDecimal("40000"), PositionAction.NIL));
        assertThat(o.exchangeOrderId()).isEqualTo("28");
        assertThat(o.state()).isEqualTo(OrderState.OPEN);
        assertThat(o.clientOrderId()).isEqualTo("HBOT-B-BTUT-1");

        LoggedRequest req = onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/api/v3/order"))));
        assertThat(req.getHeader("X-MBX-APIKEY")).isEqualTo(KEY);
        // XChange (rescu) sends the order parameters as a form body and 'signature' in the query string; Binance
        // signs totalParams = query string (without signature) + request body, timestamp included
        assertSignedLikeBinance(rawQuery(req), req.getBodyAsString());
        Map<String, String> p = params(req.getBodyAsString());
        assertThat(p).containsEntry("symbol", "BTCUSDT").containsEntry("side", "BUY").containsEntry("type", "LIMIT")
                .containsEntry("timeInForce", "GTC").containsEntry("newClientOrderId", "HBOT-B-BTUT-1")
                .containsKey("timestamp");
        assertThat(new BigDecimal(p.get("quantity"))).isEqualByComparingTo("0.01");
        assertThat(new BigDecimal(p.get("price"))).isEqualByComparingTo("40000");
    }

    /** Binance SIGNED recipe: HMAC-SHA256 hex of (query string without signature) + body, as parameter 'signature'. */
    static void assertSignedLikeBinance(String query, String body) {
        String signature = null;
        StringBuilder rest = new StringBuilder();
        for (String kv : query.split("&")) {
            if (kv.startsWith("signature=")) {
                signature = kv.substring("signature=".length());
            } else if (!kv.isEmpty()) {
                rest.append(rest.isEmpty() ? "" : "&").append(kv);
            }
        }
        assertThat(signature).as("signature parameter in %s", query).isNotNull();
        String totalParams = rest + (body == null ? "" : body);
        assertThat(totalParams).contains("timestamp=");
        assertThat(signature).isEqualTo(Signing.hmacSha256Hex(SECRET, totalParams));
    }

    static void assertSignedLikeBinance(String query) {
        assertSignedLikeBinance(query, "");
    }

    @Test
    void cancelByClientOrderId() {
        wm.stubFor(delete(urlPathEqualTo("/api/v3/order")).withQueryParam("origClientOrderId", equalTo("HBOT-B-BTUT-1"))
                .willReturn(okJson(fixture("binance/cancelOrder.json"))));
        OrderUpdate o = trading.cancelOrder(BTC_USDT, "HBOT-B-BTUT-1");
        assertThat(o.state()).isEqualTo(OrderState.CANCELED);
        assertThat(o.clientOrderId()).isEqualTo("HBOT-B-BTUT-1");
        assertThat(o.exchangeOrderId()).isEqualTo("28");
        LoggedRequest req = onlyRequest(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .deleteRequestedFor(urlPathEqualTo("/api/v3/order"))));
        assertSignedLikeBinance(rawQuery(req));
    }

    @Test
    void openOrdersAndStatus() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).willReturn(okJson(fixture("binance/openOrders.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v3/order")).willReturn(okJson(fixture("binance/order.json"))));
        List<OrderUpdate> open = trading.openOrders(Optional.empty());
        assertThat(open).hasSize(1);
        assertThat(open.get(0).tradingPair()).isEqualTo(BTC_USDT);
        assertThat(open.get(0).state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(open.get(0).executedBase()).isEqualByComparingTo("0.004");
        assertThat(open.get(0).executedQuote()).isEqualByComparingTo("160");

        OrderUpdate status = trading.orderStatus(BTC_USDT, "HBOT-B-BTUT-1");
        assertThat(status.state()).isEqualTo(OrderState.FILLED);
        assertThat(status.executedQuote()).isEqualByComparingTo("400");
        LoggedRequest req = onlyRequest(wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/order"))));
        assertThat(req.queryParameter("origClientOrderId").firstValue()).isEqualTo("HBOT-B-BTUT-1");
        assertSignedLikeBinance(rawQuery(req));
    }

    @Test
    void orderFills() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/order")).willReturn(okJson(fixture("binance/order.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("orderId", equalTo("28"))
                .willReturn(okJson(fixture("binance/myTrades.json"))));
        List<Fill> fills = trading.orderFills(BTC_USDT, "HBOT-B-BTUT-1");
        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.tradeId()).isEqualTo("28457");
            assertThat(f.side()).isEqualTo(TradeType.BUY);
            assertThat(f.fee()).isEqualByComparingTo("0.00001");
            assertThat(f.feeAsset()).isEqualTo("BTC");
            assertThat(f.maker()).isTrue();
        });
    }

    @Test
    void authErrorMapsToAuthenticationFailed() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/account")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("binance/error-auth.json"))));
        assertThatThrownBy(trading::verifyCredentials).isInstanceOf(VenueException.AuthenticationFailed.class)
                .hasMessageContaining("Invalid API-key").hasMessageNotContaining(SECRET).hasMessageNotContaining(KEY);
    }

    @Test
    void http429MapsToRateLimitedWithRetryAfter() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/ticker/price")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withHeader("Content-Type", "application/json")
                .withBody(fixture("binance/error-ratelimit.json"))));
        assertThatThrownBy(() -> md.lastPrices(List.of(BTC_USDT))).isInstanceOfSatisfying(
                VenueException.RateLimited.class, e -> assertThat(e.retryAfterMillis()).isEqualTo(7000));
    }

    @Test
    void insufficientBalanceIsRejectedWithTheVenueMessage() {
        wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("binance/error-insufficient.json"))));
        assertThatThrownBy(() -> trading.placeOrder(new OrderRequest("c1", BTC_USDT, TradeType.BUY, OrderType.LIMIT,
                BigDecimal.ONE, new BigDecimal("40000"), null)))
                .isInstanceOf(VenueException.Rejected.class)
                .hasMessageContaining("Account has insufficient balance for requested action.");
    }

    @Test
    void unknownOrderIsNotFound() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":-2013,\"msg\":\"Order does not exist.\"}")));
        assertThatThrownBy(() -> trading.orderStatus(BTC_USDT, "nope")).isInstanceOf(VenueException.NotFound.class);
    }

    @Test
    void perpetualCallsAreUnsupportedOnSpot() {
        assertThatThrownBy(trading::positions).isInstanceOf(VenueException.Unsupported.class);
        assertThatThrownBy(() -> trading.setLeverage(BTC_USDT, 5)).isInstanceOf(VenueException.Unsupported.class);
        assertThatThrownBy(() -> md.fundingInfo(BTC_USDT)).isInstanceOf(VenueException.Unsupported.class);
    }

    /** Spot my-trades, as recorded: at most 1000 per call; the history is read by trade id to a short page. */
    static String myTrades(int firstId, int count) {
        return "[" + rows(firstId, count, id -> ("{\"symbol\":\"BTCUSDT\",\"id\":%d,\"orderId\":28,\"orderListId\":-1,\"price\":\"40000.00000000\",\"qty\":\"0.01000000\",\"quoteQty\":\"400.00000000\",\"commission\":\"0.00001000\",\"commissionAsset\":\"BTC\",\"time\":%d,\"isBuyer\":true,\"isMaker\":true,\"isBestMatch\":true}").formatted(id, 1700000000000L + id)) + "]";
    }

    @Test
    void tradesPagesThroughTheWholeHistory() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("limit", equalTo("1"))
                .willReturn(okJson(myTrades(5000, 1))));
        wm.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("fromId", equalTo("5000"))
                .willReturn(okJson(myTrades(5000, 1000))));
        wm.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("fromId", equalTo("6000"))
                .willReturn(okJson(myTrades(6000, 1000))));
        wm.stubFor(get(urlPathEqualTo("/api/v3/myTrades")).withQueryParam("fromId", equalTo("7000"))
                .willReturn(okJson(myTrades(7000, 5))));

        List<Fill> fills = trading.trades(BTC_USDT, Instant.now().minus(Duration.ofHours(1)));

        assertEveryFillOnce(fills, 2005);
        List<LoggedRequest> reqs = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/myTrades")));
        assertThat(reqs).hasSize(4);
        assertThat(params(rawQuery(reqs.get(0)))).containsKeys("startTime", "endTime").containsEntry("limit", "1");
        assertThat(params(rawQuery(reqs.get(1)))).containsEntry("fromId", "5000").containsEntry("limit", "1000")
                .doesNotContainKey("startTime");
    }
}
