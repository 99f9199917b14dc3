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
import io.aviary.connectors.model.Balance;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GateIoTest extends WireMockVenueTest {

    static final String KEY = "gate-key-0123456789";
    static final String SECRET = "gate-secret-abcdefghijklmnopqrstuvwxyz";
    static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");

    ConnectorFactory factory;
    MarketDataConnector md;
    TradingConnector trading;

    @BeforeEach
    void setUp() {
        factory = factory("gate_io", settings("gate_io"));
        md = factory.marketData();
        trading = factory.trading(Map.of("gate_io_api_key", KEY, "gate_io_secret_key", SECRET));
    }

    @Test
    void publicData() {
        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/currency_pairs")).willReturn(okJson(fixture("gate_io/currency_pairs.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/tickers")).willReturn(okJson(fixture("gate_io/tickers.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/order_book")).willReturn(okJson(fixture("gate_io/order_book.json"))));
        assertThat(factory.spec().configFields()).containsExactly("gate_io_api_key", "gate_io_secret_key");
        assertThat(md.tradingRules()).containsOnlyKeys(BTC_USDT);
        assertThat(md.tradingRules().get(BTC_USDT).minPriceIncrement()).isEqualByComparingTo("0.1");
        assertThat(md.tradingRules().get(BTC_USDT).minBaseAmountIncrement()).isEqualByComparingTo("0.000001");
        assertThat(md.tradingRules().get(BTC_USDT).minNotionalSize()).isEqualByComparingTo("3");
        assertThat(md.lastPrices(List.of(BTC_USDT)).get(BTC_USDT)).isEqualByComparingTo("43250.3");
        var book = md.orderBook(BTC_USDT, 2);
        assertThat(book.sequence()).isEqualTo(123456789);
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("43250.3");
    }

    @Test
    void candlesUseGateColumnOrder() {
        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/candlesticks")).willReturn(okJson(fixture("gate_io/candlesticks.json"))));
        Instant start = Instant.ofEpochSecond(1704067200L);
        List<Candle> c = md.candles(BTC_USDT, CandleInterval.M1, start, start.plusSeconds(120), 10);
        assertThat(c).hasSize(2);
        assertThat(c.get(0).open()).isEqualByComparingTo("43000");
        assertThat(c.get(0).close()).isEqualByComparingTo("43010");
        assertThat(c.get(0).high()).isEqualByComparingTo("43015");
        assertThat(c.get(0).low()).isEqualByComparingTo("42995");
        assertThat(c.get(0).volume()).isEqualByComparingTo("1.5");
        assertThat(c.get(0).quoteAssetVolume()).isEqualByComparingTo("64515");
    }

    /** SIGN = hex(HMAC-SHA512(secret, METHOD\n/api/v4/path\nquery\nhex(SHA512(body))\ntimestamp)). */
    static void assertSignedLikeGate(LoggedRequest r, String method, String path, String query, String body) {
        String ts = r.getHeader("Timestamp");
        String expected = Signing.hmacSha512Hex(SECRET, method + "\n" + path + "\n" + query + "\n"
                + Signing.sha512Hex(body) + "\n" + ts);
        assertThat(r.getHeader("KEY")).isEqualTo(KEY);
        assertThat(r.getHeader("SIGN")).isEqualTo(expected);
    }

    @Test
    void balancesSigned() {
        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/accounts")).willReturn(okJson(fixture("gate_io/accounts.json"))));
        List<Balance> b = trading.balances();
        assertThat(b).extracting(Balance::asset).containsExactly("BTC", "USDT");
        assertThat(b.get(0).total()).isEqualByComparingTo("0.6");
        assertSignedLikeGate(onlyRequest(wm.findAll(getRequestedFor(urlPathEqualTo("/api/v4/spot/accounts")))),
                "GET", "/api/v4/spot/accounts", "", "");
    }

    @Test
    void placeLimitOrderSigned() {
        wm.stubFor(post(urlPathEqualTo("/api/v4/spot/orders")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(fixture("gate_io/order-open.json"))));
        OrderUpdate o = trading.placeOrder(new OrderRequest("HBOTBBTUT7", BTC_USDT, TradeType.BUY, OrderType.LIMIT,
                new BigDecimal("0.01"), new BigDecimal("40000"), null));
        assertThat(o.exchangeOrderId()).isEqualTo("12332324");
        assertThat(o.clientOrderId()).isEqualTo("HBOTBBTUT7");
        assertThat(o.state()).isEqualTo(OrderState.OPEN);
        LoggedRequest r = onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/api/v4/spot/orders"))));
        assertSignedLikeGate(r, "POST", "/api/v4/spot/orders", "", r.getBodyAsString());
        assertThat(r.getBodyAsString()).contains("\"text\":\"t-HBOTBBTUT7\"", "\"currency_pair\":\"BTC_USDT\"",
                "\"type\":\"limit\"", "\"side\":\"buy\"", "\"amount\":\"0.01\"", "\"price\":\"40000\"",
                "\"time_in_force\":\"gtc\"");
    }

    @Test
    void cancelStatusOpenOrdersFills() {
        wm.stubFor(delete(urlPathEqualTo("/api/v4/spot/orders/t-HBOTBBTUT7")).willReturn(okJson(fixture("gate_io/order-cancelled.json"))));
        OrderUpdate c = trading.cancelOrder(BTC_USDT, "HBOTBBTUT7");
        assertThat(c.state()).isEqualTo(OrderState.CANCELED);
        assertThat(c.type()).isEqualTo(OrderType.LIMIT_MAKER);
        LoggedRequest del = onlyRequest(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .deleteRequestedFor(urlPathEqualTo("/api/v4/spot/orders/t-HBOTBBTUT7"))));
        assertSignedLikeGate(del, "DELETE", "/api/v4/spot/orders/t-HBOTBBTUT7", "currency_pair=BTC_USDT", "");

        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/orders/t-HBOTBBTUT7")).willReturn(okJson(fixture("gate_io/order-partial.json"))));
        OrderUpdate s = trading.orderStatus(BTC_USDT, "HBOTBBTUT7");
        assertThat(s.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(s.executedBase()).isEqualByComparingTo("0.004");
        assertThat(s.executedQuote()).isEqualByComparingTo("160");

        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/open_orders")).willReturn(okJson(fixture("gate_io/open_orders.json"))));
        assertThat(trading.openOrders(Optional.empty())).singleElement()
                .satisfies(o -> assertThat(o.clientOrderId()).isEqualTo("HBOTBBTUT7"));

        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/my_trades")).willReturn(okJson(fixture("gate_io/my_trades.json"))));
        assertThat(trading.orderFills(BTC_USDT, "HBOTBBTUT7")).singleElement().satisfies(f -> {
            assertThat(f.maker()).isTrue();
            assertThat(f.timestamp()).isEqualTo(Instant.ofEpochMilli(1700000001500L));
        });
    }

    @Test
    void errors() {
        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/accounts")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("gate_io/error-auth.json"))));
        assertThatThrownBy(trading::verifyCredentials).isInstanceOf(VenueException.AuthenticationFailed.class)
                .hasMessageContaining("Invalid key provided");
        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/tickers")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(fixture("gate_io/error-ratelimit.json"))));
        assertThatThrownBy(() -> md.lastPrices(List.of(BTC_USDT))).isInstanceOf(VenueException.RateLimited.class);
        wm.stubFor(post(urlPathEqualTo("/api/v4/spot/orders")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(fixture("gate_io/error-insufficient.json"))));
        assertThatThrownBy(() -> trading.placeOrder(new OrderRequest("c1", BTC_USDT, TradeType.BUY, OrderType.LIMIT,
                BigDecimal.ONE, BigDecimal.TEN, null))).isInstanceOf(VenueException.Rejected.class)
                .hasMessageContaining("Not enough balance");
    }

    /** One page of /spot/my_trades as recorded: newest first. */
    static String myTrades(int first, int count) {
        return "[" + rows(first, count, i -> ("{\"id\":\"%d\",\"create_time\":\"%d\",\"create_time_ms\":\"%d.123\",\"currency_pair\":\"BTC_USDT\",\"side\":\"buy\",\"role\":\"maker\",\"amount\":\"0.004\",\"price\":\"40000\",\"order_id\":\"12332324\",\"fee\":\"0.000004\",\"fee_currency\":\"BTC\",\"point_fee\":\"0\",\"gt_fee\":\"0\",\"amend_text\":\"-\",\"sequence_id\":\"588018\",\"text\":\"t-HBOTBBTUT7\"}").formatted(i, 1700000000L - i,
                (1700000000L - i) * 1000)) + "]";
    }

    @Test
    void tradesPagesThroughTheWholeHistory() {
        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/my_trades")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(myTrades(0, 1000))));
        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/my_trades")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(myTrades(1000, 1000))));
        wm.stubFor(get(urlPathEqualTo("/api/v4/spot/my_trades")).withQueryParam("page", equalTo("3"))
                .willReturn(okJson(myTrades(2000, 4))));

        List<Fill> fills = trading.trades(BTC_USDT, Instant.ofEpochSecond(1690000000L));

        assertEveryFillOnce(fills, 2004);
        List<LoggedRequest> reqs = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v4/spot/my_trades")));
        assertThat(reqs).hasSize(3);
        assertThat(params(rawQuery(reqs.get(0)))).containsEntry("limit", "1000").containsEntry("from", "1690000000");
    }
}
