package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway over real HTTP in front of a real (tiny) backend server that records what reaches
 * it; another route points at a closed port. Every test uses its own client address (the test
 * context trusts X-Forwarded-For) so the login throttle of one test cannot leak into another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "aviary.gateway.username=desk", "aviary.gateway.password=s3cret", "aviary.gateway.internal-token=internal-tok",
        "aviary.gateway.trust-forwarded-for=true", "aviary.gateway.login-throttle.max-failures=3",
        "aviary.gateway.max-body-bytes=1000", "aviary.gateway.response-timeout=2s"})
class GatewayHttpTest {

    private static final HttpServer BACKEND = startBackend();
    private static final Map<String, Map<String, List<String>>> SEEN = new ConcurrentHashMap<>();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String backend = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
        registry.add("aviary.gateway.services.accounts", () -> backend);
        registry.add("aviary.gateway.services.market-data", () -> backend);
        registry.add("aviary.gateway.services.trading", () -> "http://127.0.0.1:" + closedPort());
        for (String other : List.of("orchestration", "backtesting", "archive")) {
            registry.add("aviary.gateway.services." + other, () -> "http://127.0.0.1:" + closedPort());
        }
    }

    private static HttpServer startBackend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().toString();
                SEEN.put(exchange.getRequestHeaders().getFirst("X-Request-Id") + "", Map.copyOf(exchange.getRequestHeaders()));
                SEEN.put(path, Map.copyOf(exchange.getRequestHeaders()));
                byte[] body;
                int status;
                if (path.equals("/v3/api-docs")) {
                    status = 200;
                    body = "{\"openapi\":\"3.1.0\",\"paths\":{\"/accounts/\":{\"get\":{\"summary\":\"List\"}}},\"components\":{\"schemas\":{\"Msg\":{\"type\":\"object\"}}}}".getBytes();
                } else if (path.startsWith("/accounts/missing")) {
                    status = 404;
                    body = "{\"detail\":\"Account 'missing' not found\"}".getBytes();
                } else if (path.startsWith("/accounts/broken")) {
                    status = 500;
                    body = "{\"detail\":\"Internal Server Error\"}".getBytes();
                } else {
                    status = 200;
                    body = ("{\"path\":\"" + path + "\"}").getBytes();
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.stop(0);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Forwarded-For", "203.0.113." + Math.abs(path.hashCode() % 200) + "-" + UUID.randomUUID())
                .timeout(Duration.ofSeconds(20));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theThreeUnauthenticatedCasesAnswerLikeFastApi() throws Exception {
        HttpResponse<String> none = send(request("/accounts/"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).isEqualTo("{\"detail\":\"Not authenticated\"}");
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Basic");
        HttpResponse<String> malformed = send(request("/accounts/").header("Authorization", "Basic !!!"));
        assertThat(malformed.body()).isEqualTo("{\"detail\":\"Invalid authentication credentials\"}");
        HttpResponse<String> wrong = send(request("/accounts/").header("Authorization", basic("desk", "nope")));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"detail\":\"Incorrect username or password\"}");
    }

    @Test
    void proxiesWithPathUnchangedAndTheRightHeaders() throws Exception {
        HttpResponse<String> response = send(request("/accounts/desk_a/credentials?x=1")
                .header("Authorization", basic("desk", "s3cret"))
                .header("X-Aviary-Internal-Token", "forged-by-client")
                .header("X-Request-Id", "req-42"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"path\":\"/accounts/desk_a/credentials?x=1\"}");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("req-42");
        Map<String, List<String>> seen = SEEN.get("/accounts/desk_a/credentials?x=1");
        assertThat(seen.get("X-aviary-internal-token")).containsExactly("internal-tok");
        assertThat(seen.get("X-request-id")).containsExactly("req-42");
        assertThat(seen).doesNotContainKey("Authorization");
    }

    @Test
    void generatesARequestIdWhenNoneOrAnUnsafeOneIsSent() throws Exception {
        HttpResponse<String> response = send(request("/connectors/").header("Authorization", basic("desk", "s3cret"))
                .header("X-Request-Id", "bad id with spaces"));
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(SEEN.get(id)).isNotNull();
    }

    @Test
    void serviceErrorsPassThroughUnchanged() throws Exception {
        HttpResponse<String> missing = send(request("/accounts/missing/credentials").header("Authorization", basic("desk", "s3cret")));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"detail\":\"Account 'missing' not found\"}");
        HttpResponse<String> broken = send(request("/accounts/broken").header("Authorization", basic("desk", "s3cret")));
        assertThat(broken.statusCode()).isEqualTo(500);
    }

    @Test
    void anUnreachableServiceIsA503Quickly() throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> response = send(request("/trading/orders").header("Authorization", basic("desk", "s3cret")));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"detail\":\"trading service is unavailable\"}");
        assertThat(Duration.between(start, Instant.now())).as("no hang").isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void throttlesAnAddressAfterTheBurstEvenWithCorrectCredentials() throws Exception {
        String address = "198.51.100.77";
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = send(request("/accounts/").setHeader("X-Forwarded-For", address)
                    .header("Authorization", basic("desk", "guess" + i)));
            assertThat(failed.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = send(request("/accounts/").setHeader("X-Forwarded-For", address)
                .header("Authorization", basic("desk", "s3cret")));
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).startsWith("{\"detail\":\"Too many failed login attempts. Retry in ");
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        HttpResponse<String> otherAddress = send(request("/accounts/").header("Authorization", basic("desk", "s3cret")));
        assertThat(otherAddress.statusCode()).isEqualTo(200);
    }

    @Test
    void rootAndDocsAreOpenAndUnknownPathsAre404Json() throws Exception {
        assertThat(send(request("/")).body()).contains("\"status\":\"running\"");
        assertThat(send(request("/docs")).statusCode()).isIn(200, 302, 307);
        HttpResponse<String> unknown = send(request("/no/such/path").header("Authorization", basic("desk", "s3cret")));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"detail\":\"Not Found\"}");
    }

    @Test
    void openApiMergesServiceDocsAndNamesTheMissingOnes() throws Exception {
        HttpResponse<String> doc = send(request("/openapi.json"));
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("\"title\":\"Aviary API\"").contains("\"/accounts/\"")
                .contains("\"x-aviary-service\":\"accounts\"").contains("\"Msg\"")
                .contains("not listed: archive, backtesting, orchestration, trading");
    }

    @Test
    void corsPreflightPassesWithoutCredentials() throws Exception {
        HttpResponse<String> preflight = send(request("/accounts/add-account").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://dashboard.test").header("Access-Control-Request-Method", "POST"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("http://dashboard.test");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
    }

    @Test
    void oversizeBodiesAre413BeforeReachingTheService() throws Exception {
        HttpResponse<String> response = send(request("/accounts/add-credential/a/sim").header("Authorization", basic("desk", "s3cret"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000))));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Request body too large: 2000 bytes (limit 1000)\"}");
        assertThat(SEEN).doesNotContainKey("/accounts/add-credential/a/sim");
    }
}
