package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.aviary.gateway.support.FakeService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service with three instances in {@code AVIARY_TRADING_URL}: one refuses connections (dead), one answers 421 for
 * what it does not own, one owns everything. Requests are spread over the live ones, never fail because of the dead
 * one, and a 421 sends the same request (method, body) on to the next instance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "USERNAME=desk", "PASSWORD=s3cret-pw", "AVIARY_INTERNAL_TOKEN=internal-tok-123"})
class ReplicaRoutingHttpTest {

    private static final String DEAD = FakeService.closedPortUrl();
    private static final Instance A = new Instance("a", true);
    private static final Instance B = new Instance("b", false);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("AVIARY_TRADING_URL", () -> DEAD + ", " + A.url() + "," + B.url());
    }

    @AfterAll
    static void stop() {
        A.server.stop(0);
        B.server.stop(0);
    }

    @Test
    void requestsAreSpreadOverTheLiveInstancesAndNeverFailOnTheDeadOne() throws Exception {
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            HttpResponse<String> response = send("GET", "/trading/spread", null);
            assertThat(response.statusCode()).isEqualTo(200);
            answeredBy.add(response.body());
        }
        assertThat(answeredBy).contains("a", "b").containsOnly("a", "b");
    }

    @Test
    void aMisdirectedPostGoesToTheNextInstanceWithItsBody() throws Exception {
        for (int i = 0; i < 3; i++) { // whichever instance the turn starts at
            String body = "{\"n\":" + i + "}";
            HttpResponse<String> response = send("POST", "/trading/orders-of-b", body);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("b");
            assertThat(B.bodies).contains(body);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("desk:s3cret-pw".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A replica: answers its name; one that does not own {@code /trading/orders-of-b} answers 421 there. */
    private static final class Instance {
        final HttpServer server;
        final List<String> bodies = new CopyOnWriteArrayList<>();

        Instance(String name, boolean misdirectsOrdersOfB) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                try (exchange) {
                    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    boolean misdirected = misdirectsOrdersOfB && exchange.getRequestURI().getPath().endsWith("orders-of-b");
                    byte[] answer = (misdirected ? "{\"detail\":\"owned by b\"}" : name).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(misdirected ? 421 : 200, answer.length);
                    exchange.getResponseBody().write(answer);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
