package io.aviary.connectors.venues;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KrakenTest extends WireMockVenueTest {

    static final String KEY = "kraken-api-key";
    static final String SECRET = Base64.getEncoder().encodeToString("a 64 byte secret for the kraken signing test.......!!".getBytes());
    static final TradingPair BTC_USD = TradingPair.parse("BTC-USD");

    ConnectorFactory factory;
    MarketDataConnector md;
    TradingConnector trading;

    @BeforeEach
    void setUp() {
        factory = factory("kraken", settings("kraken"));
        md = factory.marketData();
        trading = factory.trading(Map.of("kraken_api_key", KEY, "kraken_secret_key", SECRET, "kraken_api_tier", "Starter"));
        wm.stubFor(get(urlPathEqualTo("/0/public/AssetPairs")).willReturn(okJson(fixture("kraken/AssetPairs.json"))));
    }

    @Test
    void publicData() {
        wm.stubFor(get(urlPathEqualTo("/0/public/Ticker")).willReturn(okJson(fixture("kraken/Ticker.json"))));
        wm.stubFor(get(urlPathEqualTo("/0/public/Depth")).willReturn(okJson(fixture("kraken/Depth.json"))));
        assertThat(factory.spec().configFields()).containsExactly("kraken_api_key", "kraken_secret_key", "kraken_api_tier");
        assertThat(factory.spec().secretFields()).containsExactlyInAnyOrder("kraken_api_key", "kraken_secret_key");
        assertThat(md.tradingRules()).containsOnlyKeys(BTC_USD, TradingPair.parse("ETH-USD"));
        assertThat(md.tradingRules().get(BTC_USD).minOrderSize()).isEqualByComparingTo("0.0001");
        assertThat(md.tradingRules().get(BTC_USD).minPriceIncrement()).isEqualByComparingTo("0.1");
        assertThat(md.lastPrices(List.of(BTC_USD)).get(BTC_USD)).isEqualByComparingTo("43250.05");
        assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/0/public/Ticker"))).get(0).queryParameter("pair").firstValue()).isEqualTo("XBTUSD");
        var book = md.orderBook(BTC_USD, 2);
        assertThat(book.asks().get(0).price()).isEqualByComparingTo("43250.1");
        assertThat(book.bids().get(1).amount()).isEqualByComparingTo("3");
    }

    @Test
    void candles() {
        wm.stubFor(get(urlPathEqualTo("/0/public/OHLC")).willReturn(okJson(fixture("kraken/OHLC.json"))));
        Instant start = Instant.ofEpochSecond(1704067200L);
        List<Candle> c = md.candles(BTC_USD, CandleInterval.M1, start, start.plusSeconds(120), 10);
        assertThat(c).hasSize(2);
        assertThat(c.get(1).close()).isEqualByComparingTo("43020");
        assertThat(c.get(1).trades()).isEqualTo(20);
        assertThat(c.get(0).quoteAssetVolume()).isEqualByComparingTo("64507.5");
    }

    /** API-Sign = base64(HMAC-SHA512(base64decode(secret), path + SHA256(nonce + postdata))). */
    static void assertSignedLikeKraken(LoggedRequest r, String path) {
        String body = r.getBodyAsString();
        String nonce = params(body).get("nonce");
        byte[] inner = Signing.sha256((nonce + body).getBytes(StandardCharsets.UTF_8));
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        byte[] msg = new byte[p.length + inner.length];
        System.arraycopy(p, 0, msg, 0, p.length);
        System.arraycopy(inner, 0, msg, p.length, inner.length);
        String expected = Base64.getEncoder().encodeToString(
                Signing.hmac("HmacSHA512", Base64.getDecoder().decode(SECRET), msg));
        assertThat(r.getHeader("API-Key")).isEqualTo(KEY);
        assertThat(r.getHeader("API-Sign")).isEqualTo(expected);
    }

    @Test
    void balancesSigned() {
        wm.stubFor(post(urlPathEqualTo("/0/private/BalanceEx")).willReturn(okJson(fixture("kraken/BalanceEx.json"))));
        List<Balance> b = trading.balances();
        assertThat(b).extracting(Balance::asset).containsExactlyInAnyOrder("BTC", "USD");
        Balance btc = b.stream().filter(x -> x.asset().equals("BTC")).findFirst().orElseThrow();
        assertThat(btc.available()).isEqualByComparingTo("0.5");
        assertSignedLikeKraken(onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/0/private/BalanceEx")))),
                "/0/private/BalanceEx");
    }

    @Test
    void placeLimitOrderSigned() {
        wm.stubFor(post(urlPathEqualTo("/0/private/AddOrder")).willReturn(okJson(fixture("kraken/AddOrder.json"))));
        OrderUpdate o = trading.placeOrder(new OrderRequest("HBOTBBTUT6", BTC_USD, TradeType.BUY, OrderType.LIMIT,
                new BigDecimal("0.01"), new BigDecimal("40000"), null));
        assertThat(o.exchangeOrderId()).isEqualTo("OUF4EM-FRGI2-MQMWZD");
        LoggedRequest r = onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/0/private/AddOrder"))));
        assertSignedLikeKraken(r, "/0/private/AddOrder");
        assertThat(params(r.getBodyAsString())).containsEntry("ordertype", "limit").containsEntry("type", "buy")
                .containsEntry("volume", "0.01").containsEntry("pair", "XBTUSD").containsEntry("price", "40000")
                .containsEntry("cl_ord_id", "HBOTBBTUT6").containsKey("nonce");
    }

    @Test
    void cancelStatusOpenOrdersFills() {
        wm.stubFor(post(urlPathEqualTo("/0/private/CancelOrder")).willReturn(okJson(fixture("kraken/CancelOrder.json"))));
        wm.stubFor(post(urlPathEqualTo("/0/private/OpenOrders")).withRequestBody(containing("cl_ord_id"))
                .willReturn(okJson(fixture("kraken/OpenOrders-empty.json"))));
        wm.stubFor(post(urlPathEqualTo("/0/private/ClosedOrders")).willReturn(okJson(fixture("kraken/ClosedOrders.json"))));
        OrderUpdate c = trading.cancelOrder(BTC_USD, "HBOTBBTUT6");
        assertThat(c.state()).isEqualTo(OrderState.CANCELED);
        assertThat(c.type()).isEqualTo(OrderType.LIMIT_MAKER);

        wm.stubFor(post(urlPathEqualTo("/0/private/OpenOrders")).willReturn(okJson(fixture("kraken/OpenOrders.json"))));
        OrderUpdate s = trading.orderStatus(BTC_USD, "HBOTBBTUT6");
        assertThat(s.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(s.executedQuote()).isEqualByComparingTo("160");
        assertThat(trading.openOrders(Optional.empty())).singleElement()
                .satisfies(o -> assertThat(o.tradingPair()).isEqualTo(BTC_USD));

        wm.stubFor(post(urlPathEqualTo("/0/private/TradesHistory")).willReturn(okJson(fixture("kraken/TradesHistory.json"))));
        assertThat(trading.orderFills(BTC_USD, "HBOTBBTUT6")).singleElement().satisfies(f -> {
            assertThat(f.amount()).isEqualByComparingTo("0.004");
            assertThat(f.maker()).isTrue();
            assertThat(f.clientOrderId()).isEqualTo("HBOTBBTUT6");
        });
    }

    @Test
    void errors() {
        wm.stubFor(post(urlPathEqualTo("/0/private/BalanceEx")).willReturn(okJson(fixture("kraken/error-auth.json"))));
        assertThatThrownBy(trading::verifyCredentials).isInstanceOf(VenueException.AuthenticationFailed.class)
                .hasMessageContaining("EAPI:Invalid key");
        wm.stubFor(get(urlPathEqualTo("/0/public/Ticker")).willReturn(okJson(fixture("kraken/error-ratelimit.json"))));
        assertThatThrownBy(() -> md.lastPrices(List.of(BTC_USD))).isInstanceOf(VenueException.RateLimited.class);
        wm.stubFor(post(urlPathEqualTo("/0/private/AddOrder")).willReturn(okJson(fixture("kraken/error-insufficient.json"))));
        assertThatThrownBy(() -> trading.placeOrder(new OrderRequest("c1", BTC_USD, TradeType.BUY, OrderType.LIMIT,
                BigDecimal.ONE, BigDecimal.TEN, null))).isInstanceOf(VenueException.Rejected.class)
                .hasMessageContaining("EOrder:Insufficient funds");
    }

    /** One page of TradesHistory as recorded: newest first, every pair; each tenth trade is ETH-USD. */
    static String tradesHistory(int first, int count) {
        return "{\"error\":[],\"result\":{\"trades\":{"
                + rows(first, count, i -> ("\"T%d\":{\"ordertxid\":\"OUF4EM-FRGI2-MQMWZD\",\"postxid\":\"TKH2SE-M7IF5-CFI7LT\",\"pair\":\"%s\",\"time\":%d.5,\"type\":\"buy\",\"ordertype\":\"limit\",\"price\":\"40000.00000\",\"cost\":\"160.00000\",\"fee\":\"0.40000\",\"vol\":\"0.00400000\",\"margin\":\"0.00000\",\"leverage\":\"0\",\"misc\":\"\",\"trade_id\":%d,\"maker\":true}").formatted(i,
                        i % 10 == 0 ? "XETHZUSD" : "XXBTZUSD", 1700000000L - i, i))
                + "},\"count\":102}}";
    }

    @Test
    void tradesPagesThroughTheWholeHistory() {
        wm.stubFor(post(urlPathEqualTo("/0/private/TradesHistory")).withRequestBody(containing("ofs=0"))
                .willReturn(okJson(tradesHistory(0, 50))));
        wm.stubFor(post(urlPathEqualTo("/0/private/TradesHistory")).withRequestBody(containing("ofs=50"))
                .willReturn(okJson(tradesHistory(50, 50))));
        wm.stubFor(post(urlPathEqualTo("/0/private/TradesHistory")).withRequestBody(containing("ofs=100"))
                .willReturn(okJson(tradesHistory(100, 2))));

        List<Fill> fills = trading.trades(BTC_USD, Instant.ofEpochSecond(1699990000L));

        assertEveryFillOnce(fills, 102 - 11);
        assertThat(fills).allSatisfy(f -> assertThat(f.tradingPair()).isEqualTo(BTC_USD));
        assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/0/private/TradesHistory")))).hasSize(3);
    }
}
