package io.aviary.simexchange.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import io.aviary.simexchange.app.PriceOracle;
import io.aviary.simexchange.domain.perp.FundingRule;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The venue over real HTTP and WebSocket: signing, errors, books, streams. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VenueApiTest {

    @DynamicPropertySource
    static void venue(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("sim-exchange-api");
        registry.add("sim.exchange.data-dir", dir::toString);
        registry.add("sim.exchange.simulation-tick", () -> "100ms");
        registry.add("sim.exchange.quiet-markets", () -> "spot:SOL-USDT");
    }

    @LocalServerPort
    int port;

    private SignedClient client;
    private String key;
    private String secret;

    @BeforeEach
    void newKey() {
        client = new SignedClient(port);
        SignedClient.Response created = client.publicCall("POST", "/api/v1/api-keys", "{\"label\":\"test\"}");
        assertThat(created.status()).isEqualTo(201);
        key = created.body().get("api_key").asString();
        secret = created.body().get("api_secret").asString();
        assertThat(created.body().at("/balances/spot").size()).isEqualTo(4);
        assertThat(created.body().at("/balances/perp/0/total").asString()).isEqualTo("10000");
    }

    @Test
    void aCorrectSignatureIsAccepted() {
        SignedClient.Response r = client.signed("GET", "/api/v1/spot/balances", null, null, key, secret);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().findValuesAsString("asset")).contains("USDT", "BTC", "SOL");
    }

    @Test
    void aWrongSecretIsRefusedWith401() {
        SignedClient.Response r = client.signed("GET", "/api/v1/spot/balances", null, null, key, "not-the-secret");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().get("code").asString()).isEqualTo("INVALID_SIGNATURE");
    }

    @Test
    void aStaleTimestampIsRefusedWith401() {
        long stale = System.currentTimeMillis() - 31_000;
        SignedClient.Response r = client.signed("GET", "/api/v1/spot/balances", null, null, key, secret, stale);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().get("code").asString()).isEqualTo("TIMESTAMP_OUT_OF_WINDOW");
        long future = System.currentTimeMillis() + 31_000;
        assertThat(client.signed("GET", "/api/v1/spot/balances", null, null, key, secret, future).status())
                .isEqualTo(401);
    }

    @Test
    void missingHeadersUnknownKeysAndTamperedBodiesAreRefused() {
        SignedClient.Response none = client.publicCall("GET", "/api/v1/spot/balances", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("code").asString()).isEqualTo("MISSING_AUTH");
        assertThat(client.signed("GET", "/api/v1/spot/balances", null, null, "simk_unknown", secret).body()
                .get("code").asString()).isEqualTo("INVALID_API_KEY");
        // signature of one body, another body sent
        long ts = System.currentTimeMillis();
        String signedBody = "{\"symbol\":\"SOL-USDT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"amount\":\"1\",\"price\":\"1\",\"client_order_id\":\"x\"}";
        String sig = SignedClient.sign(secret, ts + "POST/api/v1/spot/orders" + signedBody);
        var http = HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/spot/orders"))
                .header("Content-Type", "application/json").header("X-SIM-APIKEY", key)
                .header("X-SIM-TIMESTAMP", Long.toString(ts)).header("X-SIM-SIGNATURE", sig)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(signedBody.replace("\"1\",\"price\"", "\"90\",\"price\"")))
                .build();
        assertThat(send(http, request)).isEqualTo(401);
    }

    @Test
    void ordersAreIdempotentAndRejectionsExplainThemselves() {
        String body = "{\"symbol\":\"SOL-USDT\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"amount\":\"1\",\"price\":\"50\",\"client_order_id\":\"idem-1\"}";
        SignedClient.Response first = client.signed("POST", "/api/v1/spot/orders", null, body, key, secret);
        SignedClient.Response again = client.signed("POST", "/api/v1/spot/orders", null, body, key, secret);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("order_id").asString()).isEqualTo(first.body().get("order_id").asString());

        SignedClient.Response poor = client.signed("POST", "/api/v1/spot/orders", null, body.replace("\"1\"", "\"1000\"")
                .replace("idem-1", "idem-2"), key, secret);
        assertThat(poor.status()).isEqualTo(400);
        assertThat(poor.body().get("code").asString()).isEqualTo("INSUFFICIENT_BALANCE");

        SignedClient.Response unknown = client.signed("GET", "/api/v1/spot/orders/nope", "symbol=SOL-USDT", null, key, secret);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asString()).isEqualTo("UNKNOWN_ORDER");

        SignedClient.Response cancel = client.signed("DELETE", "/api/v1/spot/orders/idem-1", "symbol=SOL-USDT", null, key, secret);
        assertThat(cancel.body().get("status").asString()).isEqualTo("CANCELED");
        assertThat(client.signed("GET", "/api/v1/spot/positions", null, null, key, secret).status()).isEqualTo(400);
        assertThat(client.publicCall("GET", "/api/v1/spot/depth?symbol=NOPE-USDT", null).status()).isEqualTo(404);
    }

    @Test
    void simulatedMarketsHaveDeepBooksAndPrintTrades() throws Exception {
        JsonNode book = null;
        for (int i = 0; i < 50; i++) {
            book = client.publicCall("GET", "/api/v1/spot/depth?symbol=BTC-USDT&limit=50", null).body();
            if (book.get("bids").size() >= 20 && book.get("asks").size() >= 20) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(book.get("bids").size()).isGreaterThanOrEqualTo(20);
        assertThat(book.get("asks").size()).isGreaterThanOrEqualTo(20);
        assertThat(new java.math.BigDecimal(book.at("/bids/0/0").asString()))
                .isLessThan(new java.math.BigDecimal(book.at("/asks/0/0").asString()));

        JsonNode candles = client.publicCall("GET", "/api/v1/spot/candles?symbol=BTC-USDT&interval=1h&limit=5000", null).body();
        assertThat(candles.size()).isEqualTo(1000);
        JsonNode funding = client.publicCall("GET", "/api/v1/perp/funding-info?symbol=BTC-USDT", null).body();
        assertThat(funding.get("next_funding_time").asLong()).isGreaterThan(System.currentTimeMillis());
        assertThat(client.publicCall("GET", "/actuator/health", null).body().get("status").asString()).isEqualTo("UP");
    }

    @Autowired
    PriceOracle oracle;

    @Test
    void fundingRateHistoryListsEveryPastFundingTimeWithTheRateTheRuleSettles() {
        long interval = 8 * 3600_000L; // the default funding interval
        long now = System.currentTimeMillis();
        long start = now - 3 * 86_400_000L;
        String path = "/api/v1/perp/funding-rates?symbol=BTC-USDT&start_time=" + start + "&end_time=" + now;
        SignedClient.Response r = client.publicCall("GET", path, null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode rates = r.body();
        assertThat(rates.size()).isBetween(9, 10);
        long previous = Long.MIN_VALUE;
        for (JsonNode f : rates) {
            long t = f.get("funding_time").asLong();
            assertThat(t % interval).isZero();
            assertThat(t).isGreaterThanOrEqualTo(start).isLessThanOrEqualTo(now).isGreaterThan(previous);
            previous = t;
            BigDecimal mark = oracle.mark("BTC-USDT", t);
            assertThat(new BigDecimal(f.get("mark_price").asString())).isEqualByComparingTo(mark);
            assertThat(new BigDecimal(f.get("funding_rate").asString()))
                    .isEqualByComparingTo(FundingRule.STANDARD.rate(mark, oracle.index("BTC-USDT", t)));
        }
        assertThat(client.publicCall("GET", path, null).body()).isEqualTo(rates); // the past does not change
        JsonNode two = client.publicCall("GET", path + "&limit=2", null).body();
        assertThat(two.size()).isEqualTo(2);
        assertThat(two.get(0)).isEqualTo(rates.get(0));
        assertThat(client.publicCall("GET", "/api/v1/perp/funding-rates?symbol=BTC-USDT&start_time=" + now
                + "&end_time=" + (now + 30 * 86_400_000L), null).body().size())
                .as("no funding from the future").isLessThanOrEqualTo(1);
        assertThat(client.publicCall("GET", path.replace("/perp/", "/spot/"), null).status()).isEqualTo(400);
    }

    @Test
    void webSocketSendsASnapshotThenContiguousDiffsAndPrivateUpdates() throws Exception {
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new Collector(messages)).get(5, TimeUnit.SECONDS);
        ws.sendText("{\"op\":\"subscribe\",\"channel\":\"book\",\"venue\":\"spot\",\"symbol\":\"BTC-USDT\"}", true).join();

        JsonNode snapshot = next(messages, "book_snapshot");
        long sequence = snapshot.at("/data/sequence").asLong();
        List<JsonNode> diffs = new ArrayList<>();
        while (diffs.size() < 3) {
            diffs.add(next(messages, "book_diff"));
        }
        for (JsonNode d : diffs) {
            assertThat(d.at("/data/first_sequence").asLong()).isEqualTo(sequence + 1);
            sequence = d.at("/data/last_sequence").asLong();
        }

        long ts = System.currentTimeMillis();
        ws.sendText("{\"op\":\"login\",\"api_key\":\"" + key + "\",\"timestamp\":\"" + ts + "\",\"signature\":\""
                + SignedClient.sign(secret, ts + "GET/ws/login") + "\"}", true).join();
        assertThat(next(messages, "login").get("success").asBoolean()).isTrue();
        ws.sendText("{\"op\":\"subscribe\",\"channel\":\"private\",\"venue\":\"spot\"}", true).join();
        next(messages, "subscribed");
        String body = "{\"symbol\":\"BTC-USDT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"amount\":\"0.001\",\"client_order_id\":\"ws-1\"}";
        assertThat(client.signed("POST", "/api/v1/spot/orders", null, body, key, secret).status()).isEqualTo(201);
        JsonNode fill = next(messages, "fill");
        assertThat(fill.at("/data/client_order_id").asString()).isEqualTo("ws-1");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    private static JsonNode next(BlockingQueue<JsonNode> messages, String type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode m = messages.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (m != null && m.path("type").asString().equals(type)) {
                return m;
            }
        }
        throw new AssertionError("no '" + type + "' message within 10 s");
    }

    private static int send(HttpClient http, java.net.http.HttpRequest request) {
        try {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Collector(BlockingQueue<JsonNode> messages) implements WebSocket.Listener {
        private static final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            synchronized (buffer) {
                buffer.append(data);
                if (last) {
                    messages.add(SignedClient.JSON.readTree(buffer.toString()));
                    buffer.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
