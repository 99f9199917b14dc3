package io.aviary.connectors.venues;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
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

class KucoinTest extends WireMockVenueTest {

    static final String KEY = "6560a2d7e3b8c0000177c3c1";
    static final String SECRET = "f03a5284-5c39-4aaa-9b20-dea10bdcf8e3";
    static final String PASSPHRASE = "my-passphrase";
    static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");

    ConnectorFactory factory;
    MarketDataConnector md;
    TradingConnector trading;

    @BeforeEach
    void setUp() {
        factory = factory("kucoin", settings("kucoin"));
        md = factory.marketData();
        trading = factory.trading(Map.of("kucoin_api_key", KEY, "kucoin_secret_key", SECRET,
                "kucoin_passphrase", PASSPHRASE));
    }

    @Test
    void specFields() {
        assertThat(factory.spec().configFields()).containsExactly("kucoin_api_key", "kucoin_secret_key", "kucoin_passphrase");
    }

    @Test
    void publicData() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/symbols")).willReturn(okJson(fixture("kucoin/symbols.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/market/allTickers")).willReturn(okJson(fixture("kucoin/allTickers.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/market/orderbook/level2_20")).withQueryParam("symbol", equalTo("BTC-USDT"))
                .willReturn(okJson(fixture("kucoin/orderbook.json"))));
        assertThat(md.tradingRules()).containsOnlyKeys(BTC_USDT);
        assertThat(md.tradingRules().get(BTC_USDT).minPriceIncrement()).isEqualByComparingTo("0.1");
        assertThat(md.tradingRules().get(BTC_USDT).minNotionalSize()).isEqualByComparingTo("0.1");
        assertThat(md.lastPrices(List.of(BTC_USDT)).get(BTC_USDT)).isEqualByComparingTo("43250.1");
        var book = md.orderBook(BTC_USDT, 20);
        assertThat(book.sequence()).isEqualTo(3262786978L);
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("43250");
    }

    @Test
    void candlesAreReorderedOldestFirstWithKucoinColumnOrder() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/market/candles")).withQueryParam("type", equalTo("1min"))
                .willReturn(okJson(fixture("kucoin/candles.json"))));
        Instant start = Instant.ofEpochSecond(1704067200L);
        List<Candle> candles = md.candles(BTC_USDT, CandleInterval.M1, start, start.plusSeconds(180), 10);
        assertThat(candles).hasSize(3);
        Candle first = candles.get(0);
        assertThat(first.openTime()).isEqualTo(start);
        assertThat(first.open()).isEqualByComparingTo("42990");
        assertThat(first.close()).isEqualByComparingTo("43000");
        assertThat(first.high()).isEqualByComparingTo("43005");
        assertThat(first.low()).isEqualByComparingTo("42980");
        assertThat(first.quoteAssetVolume()).isEqualByComparingTo("21497.5");
    }

    @Test
    void balancesAndSignatureV2() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts")).willReturn(okJson(fixture("kucoin/accounts.json"))));
        assertThat(trading.balances()).hasSize(2);
        LoggedRequest r = onlyRequest(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/api/v1/accounts"))));
        assertSignedLikeKucoin(r, "GET", "/api/v1/accounts?type=trade", "");
    }

    static void assertSignedLikeKucoin(LoggedRequest r, String method, String endpoint, String body) {
        String ts = r.getHeader("KC-API-TIMESTAMP");
        assertThat(r.getHeader("KC-API-KEY")).isEqualTo(KEY);
        assertThat(r.getHeader("KC-API-KEY-VERSION")).isEqualTo("2");
        assertThat(r.getHeader("KC-API-PASSPHRASE")).isEqualTo(Signing.hmacSha256Base64(SECRET, PASSPHRASE));
        assertThat(r.getHeader("KC-API-SIGN")).isEqualTo(Signing.hmacSha256Base64(SECRET, ts + method + endpoint + body));
    }

    @Test
    void placeLimitOrder() {
        wm.stubFor(post(urlPathEqualTo("/api/v1/orders")).willReturn(okJson(fixture("kucoin/newOrder.json"))));
        OrderUpdate o = trading.placeOrder(new OrderRequest("HBOT-B-BTUT-3", BTC_USDT, TradeType.BUY, OrderType.LIMIT,
                new BigDecimal("0.01"), new BigDecimal("40000"), null));
        assertThat(o.exchangeOrderId()).isEqualTo("5bd6e9286d99522a52e458de");
        assertThat(o.state()).isEqualTo(OrderState.OPEN);
        LoggedRequest r = onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/api/v1/orders"))));
        assertSignedLikeKucoin(r, "POST", "/api/v1/orders", r.getBodyAsString());
        assertThat(r.getBodyAsString()).contains("\"clientOid\":\"HBOT-B-BTUT-3\"", "\"side\":\"buy\"",
                "\"symbol\":\"BTC-USDT\"", "\"type\":\"limit\"", "\"price\":\"40000\"", "\"size\":\"0.01\"");
    }

    @Test
    void cancelStatusOpenOrdersFills() {
        wm.stubFor(delete(urlPathEqualTo("/api/v1/order/client-order/HBOT-B-BTUT-3")).willReturn(okJson(fixture("kucoin/cancel.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/order/client-order/HBOT-B-BTUT-3")).willReturn(okJson(fixture("kucoin/order-canceled.json"))));
        assertThat(trading.cancelOrder(BTC_USDT, "HBOT-B-BTUT-3").state()).isEqualTo(OrderState.CANCELED);

        wm.stubFor(get(urlPathEqualTo("/api/v1/order/client-order/HBOT-B-BTUT-3")).willReturn(okJson(fixture("kucoin/order.json"))));
        OrderUpdate status = trading.orderStatus(BTC_USDT, "HBOT-B-BTUT-3");
        assertThat(status.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(status.executedBase()).isEqualByComparingTo("0.004");
        assertThat(status.executedQuote()).isEqualByComparingTo("160");

        wm.stubFor(get(urlPathEqualTo("/api/v1/orders")).withQueryParam("status", equalTo("active"))
                .willReturn(okJson(fixture("kucoin/openOrders.json"))));
        assertThat(trading.openOrders(Optional.empty())).singleElement()
                .satisfies(o -> assertThat(o.type()).isEqualTo(OrderType.LIMIT_MAKER));

        wm.stubFor(get(urlPathEqualTo("/api/v1/fills")).withQueryParam("orderId", equalTo("5bd6e9286d99522a52e458de"))
                .willReturn(okJson(fixture("kucoin/fills.json"))));
        assertThat(trading.orderFills(BTC_USDT, "HBOT-B-BTUT-3")).singleElement()
                .satisfies(f -> assertThat(f.fee()).isEqualByComparingTo("0.16"));
    }

    @Test
    void errors() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("kucoin/error-auth.json"))));
        assertThatThrownBy(trading::verifyCredentials).isInstanceOf(VenueException.AuthenticationFailed.class)
                .hasMessageContaining("Invalid KC-API-SIGN").hasMessageNotContaining(SECRET);
        wm.stubFor(get(urlPathEqualTo("/api/v1/market/allTickers")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(fixture("kucoin/error-ratelimit.json"))));
        assertThatThrownBy(() -> md.lastPrices(List.of(BTC_USDT))).isInstanceOf(VenueException.RateLimited.class);
        wm.stubFor(post(urlPathEqualTo("/api/v1/orders")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(fixture("kucoin/error-insufficient.json"))));
        assertThatThrownBy(() -> trading.placeOrder(new OrderRequest("c1", BTC_USDT, TradeType.BUY, OrderType.LIMIT,
                BigDecimal.ONE, BigDecimal.TEN, null))).isInstanceOf(VenueException.Rejected.class)
                .hasMessageContaining("Balance insufficient!");
    }

    /** One page of GET /api/v1/fills as recorded (newest first), {@code count} of {@code total} items. */
    static String fillsPage(int page, int totalPage, int first, int count) {
        return "{\"code\":\"200000\",\"data\":{\"currentPage\":" + page + ",\"pageSize\":500,\"totalNum\":1003,"
                + "\"totalPage\":" + totalPage + ",\"items\":["
                + rows(first, count, i -> ("{\"symbol\":\"BTC-USDT\",\"tradeId\":\"t%d\",\"orderId\":\"5bd6e9286d99522a52e458de\",\"counterOrderId\":\"5c1ab46003aa676e487fa8e3\",\"side\":\"buy\",\"liquidity\":\"taker\",\"forceTaker\":true,\"price\":\"40000\",\"size\":\"0.004\",\"funds\":\"160\",\"fee\":\"0.16\",\"feeRate\":\"0.001\",\"feeCurrency\":\"USDT\",\"stop\":\"\",\"tradeType\":\"TRADE\",\"type\":\"limit\",\"createdAt\":%d}").formatted(i, 1700000000000L - i)) + "]}}";
    }

    @Test
    void tradesPagesThroughTheWholeHistory() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/fills")).withQueryParam("currentPage", equalTo("1"))
                .willReturn(okJson(fillsPage(1, 3, 0, 500))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/fills")).withQueryParam("currentPage", equalTo("2"))
                .willReturn(okJson(fillsPage(2, 3, 500, 500))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/fills")).withQueryParam("currentPage", equalTo("3"))
                .willReturn(okJson(fillsPage(3, 3, 1000, 3))));

        List<Fill> fills = trading.trades(BTC_USDT, Instant.now().minus(Duration.ofHours(1)));

        assertEveryFillOnce(fills, 1003);
        List<LoggedRequest> reqs = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v1/fills")));
        assertThat(reqs).hasSize(3);
        assertThat(params(rawQuery(reqs.get(0)))).containsKeys("startAt", "endAt").containsEntry("pageSize", "500");
    }
}
