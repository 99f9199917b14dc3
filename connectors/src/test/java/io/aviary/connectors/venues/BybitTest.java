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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BybitTest extends WireMockVenueTest {

    static final String KEY = "XXXXXXXXXXXXXXXXXX";
    static final String SECRET = "YYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYY";
    static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");

    ConnectorFactory factory;
    MarketDataConnector md;
    TradingConnector trading;

    @BeforeEach
    void setUp() {
        factory = factory("bybit", settings("bybit"));
        md = factory.marketData();
        trading = factory.trading(Map.of("bybit_api_key", KEY, "bybit_api_secret", SECRET));
        wm.stubFor(get(urlPathEqualTo("/v5/market/instruments-info")).willReturn(okJson(fixture("bybit/instruments.json"))));
    }

    @Test
    void fundingRateHistoryIsUnsupportedOnTheSpotAdapterNamingTheConnector() {
        // Aviary's bybit adapter is spot only (no bybit_perpetual yet): an honest refusal, never an empty history
        assertThatThrownBy(() -> md.fundingRates(BTC_USDT, Instant.EPOCH, Instant.ofEpochSecond(86_400), 100))
                .isInstanceOf(VenueException.Unsupported.class).hasMessageContaining("bybit");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void publicData() {
        wm.stubFor(get(urlPathEqualTo("/v5/market/tickers")).willReturn(okJson(fixture("bybit/tickers.json"))));
        wm.stubFor(get(urlPathEqualTo("/v5/market/orderbook")).willReturn(okJson(fixture("bybit/orderbook.json"))));
        assertThat(factory.spec().configFields()).containsExactly("bybit_api_key", "bybit_api_secret");
        assertThat(md.tradingRules()).containsOnlyKeys(BTC_USDT);
        assertThat(md.tradingRules().get(BTC_USDT).minOrderSize()).isEqualByComparingTo("0.000048");
        assertThat(md.tradingRules().get(BTC_USDT).minNotionalSize()).isEqualByComparingTo("1");
        assertThat(md.lastPrices(List.of(BTC_USDT)).get(BTC_USDT)).isEqualByComparingTo("43250.25");
        var book = md.orderBook(BTC_USDT, 50);
        assertThat(book.sequence()).isEqualTo(18521288);
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("43250");
    }

    @Test
    void candles() {
        wm.stubFor(get(urlPathEqualTo("/v5/market/kline")).withQueryParam("interval", equalTo("1"))
                .willReturn(okJson(fixture("bybit/kline.json"))));
        Instant start = Instant.ofEpochMilli(1704067200000L);
        List<Candle> c = md.candles(BTC_USDT, CandleInterval.M1, start, start.plusSeconds(120), 10);
        assertThat(c).extracting(Candle::openTime).containsExactly(start, start.plusSeconds(60));
        assertThat(c.get(0).quoteAssetVolume()).isEqualByComparingTo("64515");
        LoggedRequest r = onlyRequest(wm.findAll(getRequestedFor(urlPathEqualTo("/v5/market/kline"))));
        assertThat(r.queryParameter("limit").firstValue()).isEqualTo("2");
        assertThat(r.queryParameter("start").firstValue()).isEqualTo("1704067200000");
    }

    static void assertSignedLikeBybit(LoggedRequest r, String payload) {
        String ts = r.getHeader("X-BAPI-TIMESTAMP");
        assertThat(r.getHeader("X-BAPI-API-KEY")).isEqualTo(KEY);
        assertThat(r.getHeader("X-BAPI-RECV-WINDOW")).isEqualTo("5000");
        assertThat(r.getHeader("X-BAPI-SIGN")).isEqualTo(Signing.hmacSha256Hex(SECRET, ts + KEY + "5000" + payload));
    }

    @Test
    void balancesSigned() {
        wm.stubFor(get(urlPathEqualTo("/v5/account/wallet-balance")).willReturn(okJson(fixture("bybit/wallet-balance.json"))));
        List<Balance> b = trading.balances();
        assertThat(b).extracting(Balance::asset).containsExactly("BTC", "USDT");
        assertThat(b.get(0).available()).isEqualByComparingTo("0.5");
        LoggedRequest r = onlyRequest(wm.findAll(getRequestedFor(urlPathEqualTo("/v5/account/wallet-balance"))));
        assertSignedLikeBybit(r, "accountType=UNIFIED");
    }

    @Test
    void placeLimitOrderSigned() {
        wm.stubFor(post(urlPathEqualTo("/v5/order/create")).willReturn(okJson(fixture("bybit/order-create.json"))));
        OrderUpdate o = trading.placeOrder(new OrderRequest("HBOT-B-BTUT-5", BTC_USDT, TradeType.BUY, OrderType.LIMIT,
                new BigDecimal("0.01"), new BigDecimal("40000"), null));
        assertThat(o.exchangeOrderId()).isEqualTo("1321003749386327552");
        LoggedRequest r = onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/v5/order/create"))));
        assertSignedLikeBybit(r, r.getBodyAsString());
        assertThat(r.getBodyAsString()).contains("\"category\":\"spot\"", "\"symbol\":\"BTCUSDT\"", "\"side\":\"Buy\"",
                "\"orderType\":\"Limit\"", "\"qty\":\"0.01\"", "\"price\":\"40000\"", "\"timeInForce\":\"GTC\"",
                "\"orderLinkId\":\"HBOT-B-BTUT-5\"");
    }

    @Test
    void cancelStatusOpenOrdersFills() {
        wm.stubFor(post(urlPathEqualTo("/v5/order/cancel")).willReturn(okJson(fixture("bybit/order-cancel.json"))));
        wm.stubFor(get(urlPathEqualTo("/v5/order/realtime")).willReturn(okJson(fixture("bybit/order-realtime-empty.json"))));
        wm.stubFor(get(urlPathEqualTo("/v5/order/history")).willReturn(okJson(fixture("bybit/order-history.json"))));
        OrderUpdate cancelled = trading.cancelOrder(BTC_USDT, "HBOT-B-BTUT-5");
        assertThat(cancelled.state()).isEqualTo(OrderState.CANCELED);
        assertThat(cancelled.type()).isEqualTo(OrderType.LIMIT_MAKER);

        wm.stubFor(get(urlPathEqualTo("/v5/order/realtime")).willReturn(okJson(fixture("bybit/order-realtime.json"))));
        OrderUpdate s = trading.orderStatus(BTC_USDT, "HBOT-B-BTUT-5");
        assertThat(s.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(s.executedQuote()).isEqualByComparingTo("160");
        assertThat(s.reason()).isNull();
        assertThat(trading.openOrders(Optional.empty())).singleElement()
                .satisfies(o -> assertThat(o.tradingPair()).isEqualTo(BTC_USDT));

        wm.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(okJson(fixture("bybit/executions.json"))));
        assertThat(trading.orderFills(BTC_USDT, "HBOT-B-BTUT-5")).singleElement().satisfies(f -> {
            assertThat(f.feeAsset()).isEqualTo("BTC");
            assertThat(f.maker()).isTrue();
            assertThat(f.amount()).isEqualByComparingTo("0.004");
        });
    }

    @Test
    void errors() {
        wm.stubFor(get(urlPathEqualTo("/v5/account/wallet-balance")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("bybit/error-auth.json"))));
        assertThatThrownBy(trading::verifyCredentials).isInstanceOf(VenueException.AuthenticationFailed.class)
                .hasMessageContaining("API key is invalid.");
        wm.stubFor(get(urlPathEqualTo("/v5/market/tickers")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(fixture("bybit/error-ratelimit.json"))));
        assertThatThrownBy(() -> md.lastPrices(List.of(BTC_USDT))).isInstanceOf(VenueException.RateLimited.class);
        wm.stubFor(post(urlPathEqualTo("/v5/order/create")).willReturn(okJson(fixture("bybit/error-insufficient.json"))));
        assertThatThrownBy(() -> trading.placeOrder(new OrderRequest("c1", BTC_USDT, TradeType.BUY, OrderType.LIMIT,
                BigDecimal.ONE, BigDecimal.TEN, null))).isInstanceOf(VenueException.Rejected.class)
                .hasMessageContaining("Insufficient balance.");
    }

    /** One page of /v5/execution/list as recorded, with the cursor of the next page ("" on the last). */
    static String executions(int first, int count, String nextCursor) {
        return "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"nextPageCursor\":\"" + nextCursor
                + "\",\"category\":\"spot\",\"list\":["
                + rows(first, count, i -> ("{\"symbol\":\"BTCUSDT\",\"orderType\":\"Limit\",\"underlyingPrice\":\"\",\"orderLinkId\":\"HBOT-B-BTUT-5\",\"side\":\"Buy\",\"indexPrice\":\"\",\"orderId\":\"1321003749386327552\",\"stopOrderType\":\"\",\"leavesQty\":\"0.006\",\"execTime\":\"%d\",\"feeCurrency\":\"BTC\",\"isMaker\":true,\"execFee\":\"0.000004\",\"feeRate\":\"0.001\",\"execId\":\"e%d\",\"tradeIv\":\"\",\"blockTradeId\":\"\",\"markPrice\":\"\",\"execPrice\":\"40000\",\"markIv\":\"\",\"orderQty\":\"0.01\",\"orderPrice\":\"40000\",\"execValue\":\"160\",\"execType\":\"Trade\",\"execQty\":\"0.004\",\"closedSize\":\"\"}").formatted(1700000000000L - i, i))
                + "]},\"retExtInfo\":{},\"time\":1700000003000}";
    }

    @Test
    void tradesPagesThroughTheWholeHistory() {
        wm.stubFor(get(urlPathEqualTo("/v5/execution/list"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson(executions(0, 100, "page2"))));
        wm.stubFor(get(urlPathEqualTo("/v5/execution/list")).withQueryParam("cursor", equalTo("page2"))
                .willReturn(okJson(executions(100, 100, "page3"))));
        wm.stubFor(get(urlPathEqualTo("/v5/execution/list")).withQueryParam("cursor", equalTo("page3"))
                .willReturn(okJson(executions(200, 1, ""))));

        List<Fill> fills = trading.trades(BTC_USDT, Instant.now().minus(Duration.ofHours(1)));

        assertEveryFillOnce(fills, 201);
        List<LoggedRequest> reqs = wm.findAll(getRequestedFor(urlPathEqualTo("/v5/execution/list")));
        assertThat(reqs).hasSize(3);
        assertThat(params(rawQuery(reqs.get(0)))).containsKeys("startTime", "endTime").containsEntry("limit", "100");
    }
}
