package io.aviary.connectors.venues;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

class OkxTest extends WireMockVenueTest {

    static final String KEY = "985d5b66-57ce-40fb-b714-afc0b9787083";
    static final String SECRET = "D0A3F2F9B6BC1E3A8A0B6E5D2C9F1A7B";
    static final String PASSPHRASE = "Passphrase-1";
    static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");

    ConnectorFactory factory;
    MarketDataConnector md;
    TradingConnector trading;

    @BeforeEach
    void setUp() {
        factory = factory("okx", settings("okx"));
        md = factory.marketData();
        trading = factory.trading(Map.of("okx_api_key", KEY, "okx_secret_key", SECRET, "okx_passphrase", PASSPHRASE));
    }

    @Test
    void publicData() {
        wm.stubFor(get(urlPathEqualTo("/api/v5/public/instruments")).willReturn(okJson(fixture("okx/instruments.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v5/market/tickers")).willReturn(okJson(fixture("okx/tickers.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v5/market/books")).willReturn(okJson(fixture("okx/books.json"))));
        assertThat(factory.spec().configFields()).containsExactly("okx_api_key", "okx_secret_key", "okx_passphrase");
        assertThat(md.tradingRules()).containsOnlyKeys(BTC_USDT);
        assertThat(md.tradingRules().get(BTC_USDT).minOrderSize()).isEqualByComparingTo("0.00001");
        assertThat(md.lastPrices(List.of(BTC_USDT)).get(BTC_USDT)).isEqualByComparingTo("43250.2");
        var book = md.orderBook(BTC_USDT, 2);
        assertThat(book.sequence()).isEqualTo(3960341);
        assertThat(book.asks().get(0).price()).isEqualByComparingTo("43250.3");
    }

    @Test
    void candlesPageBy100WithAfterAndBefore() {
        Instant start = Instant.ofEpochMilli(1704067200000L);
        wm.stubFor(get(urlPathEqualTo("/api/v5/market/history-candles"))
                .withQueryParam("after", equalTo(Long.toString(start.plusSeconds(100 * 60).toEpochMilli())))
                .willReturn(okJson(fixture("okx/candles-page1.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v5/market/history-candles"))
                .withQueryParam("after", equalTo(Long.toString(start.plusSeconds(150 * 60).toEpochMilli())))
                .willReturn(okJson(fixture("okx/candles-page2.json"))));
        List<Candle> candles = md.candles(BTC_USDT, CandleInterval.M1, start, start.plusSeconds(150 * 60), 1000);
        assertThat(candles).extracting(Candle::openTime).containsExactly(start, start.plusSeconds(60),
                start.plusSeconds(7200));
        assertThat(candles.get(0).volume()).isEqualByComparingTo("1.5");
        List<LoggedRequest> reqs = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v5/market/history-candles")));
        assertThat(reqs).hasSize(2);
        assertThat(reqs.get(0).queryParameter("bar").firstValue()).isEqualTo("1m");
        assertThat(reqs.get(0).queryParameter("limit").firstValue()).isEqualTo("100");
        assertThat(reqs.get(0).queryParameter("before").firstValue()).isEqualTo(Long.toString(start.toEpochMilli() - 1));
    }

    static void assertSignedLikeOkx(LoggedRequest r, String method, String requestPath, String body) {
        String ts = r.getHeader("OK-ACCESS-TIMESTAMP");
        assertThat(ts).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(r.getHeader("OK-ACCESS-KEY")).isEqualTo(KEY);
        assertThat(r.getHeader("OK-ACCESS-PASSPHRASE")).isEqualTo(PASSPHRASE);
        assertThat(r.getHeader("OK-ACCESS-SIGN"))
                .isEqualTo(Signing.hmacSha256Base64(SECRET, ts + method + requestPath + body));
    }

    @Test
    void balancesSigned() {
        wm.stubFor(get(urlPathEqualTo("/api/v5/account/balance")).willReturn(okJson(fixture("okx/balance.json"))));
        List<Balance> b = trading.balances();
        assertThat(b).extracting(Balance::asset).containsExactly("BTC", "USDT");
        assertThat(b.get(0).total()).isEqualByComparingTo("0.6");
        assertThat(b.get(0).available()).isEqualByComparingTo("0.5");
        assertSignedLikeOkx(onlyRequest(wm.findAll(getRequestedFor(urlPathEqualTo("/api/v5/account/balance")))),
                "GET", "/api/v5/account/balance", "");
    }

    @Test
    void placeLimitOrderSigned() {
        wm.stubFor(post(urlPathEqualTo("/api/v5/trade/order")).willReturn(okJson(fixture("okx/order-placed.json"))));
        OrderUpdate o = trading.placeOrder(new OrderRequest("HBOTBBTUT4", BTC_USDT, TradeType.BUY, OrderType.LIMIT,
                new BigDecimal("0.01"), new BigDecimal("40000"), null));
        assertThat(o.exchangeOrderId()).isEqualTo("312269865356374016");
        LoggedRequest r = onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/api/v5/trade/order"))));
        assertSignedLikeOkx(r, "POST", "/api/v5/trade/order", r.getBodyAsString());
        assertThat(r.getBodyAsString()).contains("\"instId\":\"BTC-USDT\"", "\"tdMode\":\"cash\"",
                "\"clOrdId\":\"HBOTBBTUT4\"", "\"ordType\":\"limit\"", "\"px\":\"40000\"", "\"sz\":\"0.01\"");
    }

    @Test
    void cancelStatusOpenOrdersFills() {
        wm.stubFor(post(urlPathEqualTo("/api/v5/trade/cancel-order")).willReturn(okJson(fixture("okx/order-cancelled.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v5/trade/order")).withQueryParam("clOrdId", equalTo("HBOTBBTUT4"))
                .willReturn(okJson(fixture("okx/order.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v5/trade/orders-pending")).willReturn(okJson(fixture("okx/orders-pending.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v5/trade/fills-history")).willReturn(okJson(fixture("okx/fills.json"))));

        OrderUpdate cancelled = trading.cancelOrder(BTC_USDT, "HBOTBBTUT4");
        assertThat(cancelled.state()).isEqualTo(OrderState.PENDING_CANCEL); // still partially filled per order.json
        OrderUpdate s = trading.orderStatus(BTC_USDT, "HBOTBBTUT4");
        assertThat(s.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(s.executedQuote()).isEqualByComparingTo("160");
        LoggedRequest statusReq = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v5/trade/order"))).get(0);
        assertSignedLikeOkx(statusReq, "GET", "/api/v5/trade/order?instId=BTC-USDT&clOrdId=HBOTBBTUT4", "");
        assertThat(trading.openOrders(Optional.of(BTC_USDT))).singleElement()
                .satisfies(o -> assertThat(o.type()).isEqualTo(OrderType.LIMIT_MAKER));
        assertThat(trading.orderFills(BTC_USDT, "HBOTBBTUT4")).singleElement().satisfies(f -> {
            assertThat(f.fee()).isEqualByComparingTo("0.000004");
            assertThat(f.maker()).isTrue();
        });
    }

    @Test
    void errors() {
        wm.stubFor(get(urlPathEqualTo("/api/v5/account/balance")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("okx/error-auth.json"))));
        assertThatThrownBy(trading::verifyCredentials).isInstanceOf(VenueException.AuthenticationFailed.class)
                .hasMessageContaining("Invalid Sign");
        wm.stubFor(get(urlPathEqualTo("/api/v5/market/tickers")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(fixture("okx/error-ratelimit.json"))));
        assertThatThrownBy(() -> md.lastPrices(List.of(BTC_USDT))).isInstanceOf(VenueException.RateLimited.class);
        wm.stubFor(post(urlPathEqualTo("/api/v5/trade/order")).willReturn(okJson(fixture("okx/error-insufficient.json"))));
        assertThatThrownBy(() -> trading.placeOrder(new OrderRequest("c1", BTC_USDT, TradeType.BUY, OrderType.LIMIT,
                BigDecimal.ONE, BigDecimal.TEN, null))).isInstanceOf(VenueException.Rejected.class)
                .hasMessageContaining("Insufficient USDT balance in account.");
    }

    /** One page of fills-history as recorded: newest first, bill ids {@code newest} down. */
    static String fillsHistory(int newest, int count) {
        return "{\"code\":\"0\",\"msg\":\"\",\"data\":["
                + rows(0, count, i -> ("{\"side\":\"buy\",\"fillSz\":\"0.004\",\"fillPx\":\"40000\",\"fillPxVol\":\"\",\"fillFwdPx\":\"\",\"fee\":\"-0.000004\",\"fillPnl\":\"0\",\"ordId\":\"312269865356374016\",\"feeRate\":\"-0.001\",\"instType\":\"SPOT\",\"fillPxUsd\":\"\",\"instId\":\"BTC-USDT\",\"clOrdId\":\"HBOTBBTUT4\",\"posSide\":\"net\",\"billId\":\"%d\",\"fillMarkVol\":\"\",\"tag\":\"\",\"fillTime\":\"%d\",\"execType\":\"M\",\"fillIdxPx\":\"\",\"tradeId\":\"%d\",\"fillMarkPx\":\"\",\"feeCcy\":\"BTC\",\"ts\":\"%d\"}").formatted(newest - i,
                        1700000000000L + newest - i, newest - i, 1700000000000L + newest - i)) + "]}";
    }

    @Test
    void tradesPagesThroughTheWholeHistory() {
        wm.stubFor(get(urlPathEqualTo("/api/v5/trade/fills-history"))
                .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson(fillsHistory(1000, 100))));
        wm.stubFor(get(urlPathEqualTo("/api/v5/trade/fills-history")).withQueryParam("after", equalTo("901"))
                .willReturn(okJson(fillsHistory(900, 100))));
        wm.stubFor(get(urlPathEqualTo("/api/v5/trade/fills-history")).withQueryParam("after", equalTo("801"))
                .willReturn(okJson(fillsHistory(800, 3))));

        List<Fill> fills = trading.trades(BTC_USDT, Instant.ofEpochMilli(1700000000000L));

        assertEveryFillOnce(fills, 203);
        List<LoggedRequest> reqs = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v5/trade/fills-history")));
        assertThat(reqs).hasSize(3);
        assertThat(params(rawQuery(reqs.get(1)))).containsEntry("begin", "1700000000000").containsEntry("limit", "100");
    }
}
