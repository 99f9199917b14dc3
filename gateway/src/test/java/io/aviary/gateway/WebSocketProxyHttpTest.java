package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.aviary.gateway.support.FakeService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The {@code /ws/*} streams through the gateway with a real WebSocket client (the JDK's) in front and a real
 * WebSocket service (Reactor Netty) behind: authentication before the upgrade (header, hummingbot-api-client's
 * {@code ?token=}, or {@code ?username=&password=}; 401 without, 429 when throttled), messages both ways, the internal
 * token and request id towards the service and never the caller's credentials, closes relayed both ways, 503 for a
 * service that is down and 1011 with the service's name when it dies mid-stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "USERNAME=desk", "PASSWORD=s3cret-pw", "AVIARY_INTERNAL_TOKEN=internal-tok-123",
        "aviary.gateway.login-throttle.free-failures=2"})
class WebSocketProxyHttpTest {

    private static final String TOKEN = Base64.getEncoder().encodeToString("desk:s3cret-pw".getBytes(StandardCharsets.UTF_8));
    /** What the service saw on each upgrade, by request id. */
    private static final Map<String, Map<String, String>> SEEN = new ConcurrentHashMap<>();
    private static final DisposableServer SERVICE = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> {
                Map<String, String> seen = new ConcurrentHashMap<>();
                request.requestHeaders().forEach(h -> seen.put(h.getKey().toLowerCase(), h.getValue()));
                seen.put("uri", request.uri());
                SEEN.put(seen.getOrDefault("x-request-id", "-"), seen);
                if (seen.getOrDefault("x-request-id", "").equals("no-such-stream")) {
                    return response.status(404).send(); // as a service that does not serve the stream (yet)
                }
                return response.sendWebsocket(WebSocketProxyHttpTest::echo);
            }).bindNow();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        String dead = FakeService.closedPortUrl();
        registry.add("AVIARY_MARKET_DATA_URL", () -> "http://127.0.0.1:" + SERVICE.port());
        for (String service : new String[] {"ACCOUNTS", "TRADING", "ORCHESTRATION", "BACKTESTING", "ARCHIVE"}) {
            registry.add("AVIARY_" + service + "_URL", () -> dead);
        }
    }

    @AfterAll
    static void stopService() {
        SERVICE.disposeNow();
    }

    /** The service: says hello, echoes, closes with its own code on "close", drops the connection on "die". */
    private static org.reactivestreams.Publisher<Void> echo(WebsocketInbound in, WebsocketOutbound out) {
        return out.sendString(Mono.just("{\"type\":\"connected\"}").concatWith(in.receive().asString().flatMap(text -> switch (text) {
            case "close" -> out.sendClose(4000, "bye from service").then(Mono.<String>empty());
            case "die" -> Mono.fromRunnable(() -> in.withConnection(c -> c.channel().close())).then(Mono.<String>empty());
            default -> Mono.just("echo:" + text);
        })));
    }

    @Test
    void theTokenOfTheOfficialClientAuthenticatesAndMessagesFlowBothWays() throws Exception {
        Client client = connect("/ws/market-data?token=" + TOKEN, Map.of("X-Request-Id", "ws-token-1"));
        assertThat(client.next()).isEqualTo("{\"type\":\"connected\"}");
        client.socket.sendText("{\"action\":\"ping\"}", true).join();
        assertThat(client.next()).isEqualTo("echo:{\"action\":\"ping\"}");

        Map<String, String> seen = SEEN.get("ws-token-1");
        assertThat(seen.get("x-aviary-internal-token")).isEqualTo("internal-tok-123");
        assertThat(seen.get("uri")).as("the query with the credentials stays at the gateway").isEqualTo("/ws/market-data");
        assertThat(seen).doesNotContainKey("authorization");
        client.close();
    }

    @Test
    void theHeaderAndTheUsernamePasswordQueryWorkToo() throws Exception {
        Client header = connect("/ws/market-data", Map.of("Authorization", "Basic " + TOKEN));
        assertThat(header.next()).isEqualTo("{\"type\":\"connected\"}");
        header.close();
        Client query = connect("/ws/market-data?username=desk&password=s3cret-pw", Map.of());
        assertThat(query.next()).isEqualTo("{\"type\":\"connected\"}");
        query.close();
    }

    @Test
    void withoutOrWithWrongCredentialsTheUpgradeIsRefusedAndFailuresAreThrottled() {
        HttpClient from = GatewayHttpTestBase.clientFrom("127.0.0.31");
        assertThat(refusal(from, "/ws/market-data")).isEqualTo(401);
        String wrong = Base64.getEncoder().encodeToString("desk:nope".getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(from, "/ws/market-data?token=" + wrong)).isEqualTo(401);
        assertThat(refusal(from, "/ws/market-data?username=desk&password=nope")).isEqualTo(401);
        assertThat(refusal(from, "/ws/market-data?token=" + wrong)).isEqualTo(401);
        // past the two free failures this address must wait, even with the right password
        assertThat(refusal(from, "/ws/market-data?token=" + TOKEN)).isEqualTo(429);
    }

    @Test
    void theServicesCloseReachesTheClientAndADeadServiceIsNamed() throws Exception {
        Client closing = connect("/ws/market-data?token=" + TOKEN, Map.of());
        closing.next();
        closing.socket.sendText("close", true).join();
        assertThat(closing.closed.get(5, TimeUnit.SECONDS)).isEqualTo("4000 bye from service");

        Client dying = connect("/ws/market-data?token=" + TOKEN, Map.of());
        dying.next();
        dying.socket.sendText("die", true).join();
        assertThat(dying.closed.get(5, TimeUnit.SECONDS)).isEqualTo("1011 market-data service is unavailable");
    }

    @Test
    void aServiceThatIsDownIsA503BeforeAnyUpgradeAndOneWithoutTheStreamA404() {
        HttpClient from = GatewayHttpTestBase.clientFrom("127.0.0.32");
        WebSocketHandshakeException down = handshakeFailure(from, "/ws/executors?token=" + TOKEN, Map.of());
        assertThat(down.getResponse().statusCode()).isEqualTo(503);
        assertThat(down.getResponse().body()).isEqualTo("{\"detail\":\"trading service is unavailable\"}");

        WebSocketHandshakeException missing = handshakeFailure(from, "/ws/market-data?token=" + TOKEN,
                Map.of("X-Request-Id", "no-such-stream"));
        assertThat(missing.getResponse().statusCode()).isEqualTo(404);
    }

    @Test
    void aPlainRequestToAStreamIsA400() throws Exception {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/ws/market-data")).header("Authorization", "Basic " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("WebSocket");
    }

    private int refusal(HttpClient from, String path) {
        return handshakeFailure(from, path, Map.of()).getResponse().statusCode();
    }

    private WebSocketHandshakeException handshakeFailure(HttpClient from, String path, Map<String, String> headers) {
        WebSocket.Builder builder = from.newWebSocketBuilder();
        headers.forEach(builder::header);
        Throwable failure = catchThrowable(() -> builder
                .buildAsync(URI.create("ws://127.0.0.1:" + port + path), new WebSocket.Listener() { }).join());
        assertThat(failure).hasCauseInstanceOf(WebSocketHandshakeException.class);
        return (WebSocketHandshakeException) failure.getCause();
    }

    private Client connect(String path, Map<String, String> headers) {
        Client client = new Client();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + path), client).join();
        return client;
    }

    /** Text messages in a queue; the close as "code reason". */
    private static final class Client implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        String next() throws InterruptedException {
            String message = received.poll(5, TimeUnit.SECONDS);
            assertThat(message).as("a message within 5 s").isNotNull();
            return message;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
        }
    }

}
