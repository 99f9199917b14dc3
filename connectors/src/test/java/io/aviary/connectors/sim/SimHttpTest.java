package io.aviary.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.aviary.connectors.port.VenueException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Status and body → exception kind, and the signature the venue expects, against a scripted server. */
class SimHttpTest {

    private HttpServer server;
    private final AtomicReference<String> signedPayload = new AtomicReference<>();
    private SimHttp http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            String body = switch (status) {
                case 400 -> "{\"code\":\"" + (exchange.getRequestURI().getQuery() != null ? "NOT_SUPPORTED" : "BELOW_MIN_NOTIONAL")
                        + "\",\"message\":\"order value 1 USDT is below the minimum notional 5 USDT\"}";
                case 418 -> "<html>teapot</html>";
                default -> "{\"code\":\"X\",\"message\":\"status " + status + "\"}";
            };
            String sig = exchange.getRequestHeaders().getFirst("X-SIM-SIGNATURE");
            if (sig != null) {
                String ts = exchange.getRequestHeaders().getFirst("X-SIM-TIMESTAMP");
                String raw = exchange.getRequestURI().getRawQuery();
                String payload = ts + exchange.getRequestMethod() + exchange.getRequestURI().getRawPath()
                        + (raw == null ? "" : "?" + raw) + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                signedPayload.set(SimHttp.sign("secret", payload).equals(sig) ? payload : "BAD SIGNATURE");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        http = new SimHttp(SimVenue.of("sim", false, URI.create("http://localhost:" + server.getAddress().getPort())));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void mapsStatusesToExceptionKinds() {
        assertThat(http.get("/s/200", null).path("message").asString()).isEqualTo("status 200");
        assertThatThrownBy(() -> http.get("/s/400", null)).isInstanceOf(VenueException.Rejected.class)
                .hasMessageContaining("BELOW_MIN_NOTIONAL").hasMessageContaining("minimum notional");
        assertThatThrownBy(() -> http.get("/s/400", Map.of("x", "1"))).isInstanceOf(VenueException.Unsupported.class);
        assertThatThrownBy(() -> http.get("/s/401", null)).isInstanceOf(VenueException.AuthenticationFailed.class);
        assertThatThrownBy(() -> http.get("/s/404", null)).isInstanceOf(VenueException.NotFound.class);
        assertThatThrownBy(() -> http.get("/s/429", null)).isInstanceOf(VenueException.RateLimited.class);
        assertThatThrownBy(() -> http.get("/s/503", null)).isInstanceOf(VenueException.Unavailable.class);
        assertThatThrownBy(() -> http.get("/s/500", null)).isInstanceOf(VenueException.Unexpected.class);
        assertThatThrownBy(() -> http.get("/s/418", null)).isInstanceOf(VenueException.Unexpected.class);
    }

    @Test
    void signsTimestampMethodPathQueryAndBody() {
        http.send("POST", "/s/200", Map.of("symbol", "BTC-USDT"), Map.of("a", "1"),
                new SimHttp.Credentials("key", "secret"));
        assertThat(signedPayload.get()).matches("\\d{13}POST/s/200\\?symbol=BTC-USDT\\{\"a\":\"1\"}");
        assertThat(new SimHttp.Credentials("key", "secret").toString()).doesNotContain("secret");
    }
}
