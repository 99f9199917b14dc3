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
import io.aviary.connectors.venues.support.Json;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Coinbase Advanced Trade with a throwaway EC P-256 key made per run (no key material is committed). */
class CoinbaseAdvancedTradeTest extends WireMockVenueTest {

    static final String KEY_NAME = "organizations/0000-org/apiKeys/1111-key";
    static final TradingPair BTC_USD = TradingPair.parse("BTC-USD");
    static KeyPair keys;
    static String sec1Pem;

    ConnectorFactory factory;
    MarketDataConnector md;
    TradingConnector trading;

    @BeforeAll
    static void makeKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        keys = g.generateKeyPair();
        sec1Pem = "-----BEGIN EC PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(sec1(keys.getPrivate().getEncoded()))
                + "\n-----END EC PRIVATE KEY-----\n";
    }

    /** The ECPrivateKey (SEC1) inside a PKCS#8 PrivateKeyInfo, i.e. what Coinbase hands out as the API secret. */
    static byte[] sec1(byte[] pkcs8) {
        int i = 1;
        i += lengthBytes(pkcs8, i);           // outer SEQUENCE header
        i += 3;                               // INTEGER 0
        int algLen = pkcs8[i + 1] & 0xff;     // AlgorithmIdentifier SEQUENCE (short form)
        i += 2 + algLen;
        i += 1;                               // OCTET STRING tag
        int len = pkcs8[i] & 0xff;
        int skip = 1;
        if (len > 0x80) {
            int n = len - 0x80;
            len = 0;
            for (int k = 1; k <= n; k++) {
                len = (len << 8) | (pkcs8[i + k] & 0xff);
            }
            skip = 1 + n;
        }
        return Arrays.copyOfRange(pkcs8, i + skip, i + skip + len);
    }

    private static int lengthBytes(byte[] der, int at) {
        int b = der[at] & 0xff;
        return b < 0x80 ? 1 : 1 + (b - 0x80);
    }

    @BeforeEach
    void setUp() {
        factory = factory("coinbase_advanced_trade", settings("coinbase_advanced_trade"));
        md = factory.marketData();
        trading = factory.trading(Map.of("coinbase_advanced_trade_api_key", KEY_NAME,
                "coinbase_advanced_trade_api_secret", sec1Pem));
    }

    @Test
    void publicData() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/market/products")).willReturn(okJson(fixture("coinbase_advanced_trade/products.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/market/product_book")).willReturn(okJson(fixture("coinbase_advanced_trade/product_book.json"))));
        assertThat(factory.spec().configFields()).containsExactly("coinbase_advanced_trade_api_key",
                "coinbase_advanced_trade_api_secret");
        assertThat(md.tradingRules()).containsOnlyKeys(BTC_USD);
        assertThat(md.tradingRules().get(BTC_USD).minNotionalSize()).isEqualByComparingTo("1");
        assertThat(md.lastPrices(List.of(BTC_USD)).get(BTC_USD)).isEqualByComparingTo("43250.45");
        var book = md.orderBook(BTC_USD, 2);
        assertThat(book.asks().get(0).price()).isEqualByComparingTo("43250.45");
        assertThat(book.timestamp()).isEqualTo(Instant.parse("2024-01-01T00:00:00.123456Z"));
    }

    @Test
    void candles() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/market/products/BTC-USD/candles"))
                .withQueryParam("granularity", equalTo("ONE_MINUTE"))
                .willReturn(okJson(fixture("coinbase_advanced_trade/candles.json"))));
        Instant start = Instant.ofEpochSecond(1704067200L);
        List<Candle> c = md.candles(BTC_USD, CandleInterval.M1, start, start.plusSeconds(120), 10);
        assertThat(c).extracting(Candle::openTime).containsExactly(start, start.plusSeconds(60));
        assertThat(c.get(0).open()).isEqualByComparingTo("43000");
    }

    /** Bearer JWT, ES256 over header.payload, kid/sub = key name, iss "cdp", uri "METHOD host/path". */
    static void assertJwt(LoggedRequest r, String method, String path) throws Exception {
        String auth = r.getHeader("Authorization");
        assertThat(auth).startsWith("Bearer ");
        String[] parts = auth.substring(7).split("\\.");
        assertThat(parts).hasSize(3);
        Base64.Decoder d = Base64.getUrlDecoder();
        JsonNode header = Json.parse(new String(d.decode(parts[0]), StandardCharsets.UTF_8));
        JsonNode claims = Json.parse(new String(d.decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(Json.str(header, "alg")).isEqualTo("ES256");
        assertThat(Json.str(header, "kid")).isEqualTo(KEY_NAME);
        assertThat(Json.str(header, "nonce")).isNotBlank();
        assertThat(Json.str(claims, "sub")).isEqualTo(KEY_NAME);
        assertThat(Json.str(claims, "iss")).isEqualTo("cdp");
        URI base = URI.create(wm.baseUrl());
        assertThat(Json.str(claims, "uri")).isEqualTo(method + " " + base.getHost() + ":" + base.getPort() + path);
        assertThat(Json.lng(claims, "exp", 0) - Json.lng(claims, "nbf", 0)).isEqualTo(120);
        Signature v = Signature.getInstance("SHA256withECDSAinP1363Format");
        v.initVerify(keys.getPublic());
        v.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(v.verify(d.decode(parts[2]))).as("ES256 signature verifies with the key's public half").isTrue();
    }

    @Test
    void balancesWithJwt() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/accounts")).willReturn(okJson(fixture("coinbase_advanced_trade/accounts.json"))));
        List<Balance> b = trading.balances();
        assertThat(b).extracting(Balance::asset).containsExactly("BTC", "USD");
        assertThat(b.get(0).total()).isEqualByComparingTo("0.6");
        assertJwt(onlyRequest(wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/brokerage/accounts")))), "GET",
                "/api/v3/brokerage/accounts");
    }

    @Test
    void placeLimitOrderCancelStatusOpenFills() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/api/v3/brokerage/orders")).willReturn(okJson(fixture("coinbase_advanced_trade/order-created.json"))));
        OrderUpdate o = trading.placeOrder(new OrderRequest("HBOTBBTUT8", BTC_USD, TradeType.BUY, OrderType.LIMIT,
                new BigDecimal("0.01"), new BigDecimal("40000"), null));
        assertThat(o.exchangeOrderId()).isEqualTo("11111-00000-000000");
        LoggedRequest r = onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/api/v3/brokerage/orders"))));
        assertJwt(r, "POST", "/api/v3/brokerage/orders");
        assertThat(r.getBodyAsString()).contains("\"client_order_id\":\"HBOTBBTUT8\"", "\"product_id\":\"BTC-USD\"",
                "\"side\":\"BUY\"", "\"limit_limit_gtc\"", "\"base_size\":\"0.01\"", "\"limit_price\":\"40000\"");

        wm.stubFor(post(urlPathEqualTo("/api/v3/brokerage/orders/batch_cancel")).willReturn(okJson(fixture("coinbase_advanced_trade/batch_cancel.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/orders/historical/11111-00000-000000"))
                .willReturn(okJson(fixture("coinbase_advanced_trade/order-cancelled.json"))));
        OrderUpdate c = trading.cancelOrder(BTC_USD, "HBOTBBTUT8");
        assertThat(c.state()).isEqualTo(OrderState.CANCELED);
        assertThat(c.type()).isEqualTo(OrderType.LIMIT_MAKER);
        assertThat(onlyRequest(wm.findAll(postRequestedFor(urlPathEqualTo("/api/v3/brokerage/orders/batch_cancel"))))
                .getBodyAsString()).contains("11111-00000-000000");

        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/orders/historical/11111-00000-000000"))
                .willReturn(okJson(fixture("coinbase_advanced_trade/order-partial.json"))));
        OrderUpdate s = trading.orderStatus(BTC_USD, "HBOTBBTUT8");
        assertThat(s.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(s.executedQuote()).isEqualByComparingTo("160");

        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/orders/historical/batch")).willReturn(okJson(fixture("coinbase_advanced_trade/orders-batch.json"))));
        assertThat(trading.openOrders(Optional.empty())).singleElement()
                .satisfies(x -> assertThat(x.clientOrderId()).isEqualTo("HBOTBBTUT8"));

        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/orders/historical/fills")).willReturn(okJson(fixture("coinbase_advanced_trade/fills.json"))));
        assertThat(trading.orderFills(BTC_USD, "HBOTBBTUT8")).singleElement().satisfies(f -> {
            assertThat(f.fee()).isEqualByComparingTo("0.4");
            assertThat(f.maker()).isTrue();
        });
    }

    @Test
    void ordersNotPlacedInThisSessionAreFoundByClientOrderId() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/orders/historical/batch")).willReturn(okJson(fixture("coinbase_advanced_trade/orders-batch.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/orders/historical/11111-00000-000000"))
                .willReturn(okJson(fixture("coinbase_advanced_trade/order-partial.json"))));
        assertThat(trading.orderStatus(BTC_USD, "HBOTBBTUT8").exchangeOrderId()).isEqualTo("11111-00000-000000");
        assertThatThrownBy(() -> trading.orderStatus(BTC_USD, "unknown")).isInstanceOf(VenueException.NotFound.class);
    }

    @Test
    void errors() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/accounts")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(fixture("coinbase_advanced_trade/error-auth.json"))));
        assertThatThrownBy(trading::verifyCredentials).isInstanceOf(VenueException.AuthenticationFailed.class)
                .hasMessageContaining("invalid signature").hasMessageNotContaining("PRIVATE KEY");
        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/market/products")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody(fixture("coinbase_advanced_trade/error-ratelimit.json"))));
        assertThatThrownBy(() -> md.lastPrices(List.of(BTC_USD))).isInstanceOf(VenueException.RateLimited.class);
        wm.stubFor(post(urlPathEqualTo("/api/v3/brokerage/orders")).willReturn(okJson(fixture("coinbase_advanced_trade/order-insufficient.json"))));
        assertThatThrownBy(() -> trading.placeOrder(new OrderRequest("c1", BTC_USD, TradeType.BUY, OrderType.LIMIT,
                BigDecimal.ONE, BigDecimal.TEN, null))).isInstanceOf(VenueException.Rejected.class)
                .hasMessageContaining("Insufficient balance in source account");
    }

    @Test
    void aSecretThatIsNotAnEcKeyIsAnAuthenticationFailure() {
        assertThatThrownBy(() -> factory.trading(Map.of("coinbase_advanced_trade_api_key", KEY_NAME,
                "coinbase_advanced_trade_api_secret", "not-a-key"))).isInstanceOf(VenueException.AuthenticationFailed.class)
                .hasMessageNotContaining("not-a-key");
    }

    /** One page of /orders/historical/fills as recorded, with the cursor of the next page ("" on the last). */
    static String historicalFills(int first, int count, String cursor) {
        return "{\"fills\":[" + rows(first, count, i -> {
            String time = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i).toString();
            return ("{\"entry_id\":\"e%d\",\"trade_id\":\"t%d\",\"order_id\":\"11111-00000-000000\",\"trade_time\":\"%s\",\"trade_type\":\"FILL\",\"price\":\"40000\",\"size\":\"0.004\",\"commission\":\"0.4\",\"product_id\":\"BTC-USD\",\"sequence_timestamp\":\"%s\",\"liquidity_indicator\":\"MAKER\",\"size_in_quote\":false,\"user_id\":\"3333-333333-3333333\",\"side\":\"BUY\",\"retail_portfolio_id\":\"\"}").formatted(i, i, time, time);
        }) + "],\"cursor\":\"" + cursor + "\"}";
    }

    @Test
    void tradesPagesThroughTheWholeHistory() {
        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/orders/historical/fills"))
                .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson(historicalFills(0, 1000, "c1000"))));
        wm.stubFor(get(urlPathEqualTo("/api/v3/brokerage/orders/historical/fills")).withQueryParam("cursor", equalTo("c1000"))
                .willReturn(okJson(historicalFills(1000, 6, ""))));

        List<Fill> fills = trading.trades(BTC_USD, Instant.parse("2024-01-01T00:00:00Z"));

        assertEveryFillOnce(fills, 1006);
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/brokerage/orders/historical/fills")))).hasSize(2);
    }
}
