package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.gateway.support.FakeService.Seen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.context.ApplicationContext;

/** Path tricks are refused before routing; client-sent internal and forwarding headers never reach a service. */
class EdgeHttpTest extends GatewayHttpTestBase {

    /** What a raw HTTP/1.1 exchange answered: status code and body. */
    record RawAnswer(int status, String body) {
    }

    @Test
    void pathTricksAre400AndNeverReachAService() {
        List<String> tricks = List.of("/accounts/..%2finternal/credentials", "/accounts/%2e%2e/internal/credentials",
                "/accounts/%2E%2E/internal/credentials", "/accounts/../internal/credentials",
                "/accounts/x%2Finternal/credentials", "/trading/;/internal/sessions", "/accounts;x=1/internal/credentials",
                "//internal/credentials", "/accounts//internal/credentials",
                "/accounts/%5c..%5Cinternal", "/accounts/./internal/credentials", "/portfolio/.",
                "/actuator/health/..%2f..%2faccounts/internal/credentials");
        for (String path : tricks) {
            RawAnswer answer = rawGet(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.body()).as(path).startsWith("{\"detail\":\"Request path not allowed: it contains '")
                    .doesNotContain("internal");
        }
        // A raw backslash is no legal URI character: the HTTP layer answers 400 (empty body) before any filter.
        for (String path : List.of("/accounts\\..\\internal", "/accounts/\\internal")) {
            RawAnswer answer = rawGet(path);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.body()).as(path).doesNotContain("internal");
        }
        assertThat(SERVICE.requestsContaining("internal")).as("no trick reached the backend").isEmpty();
    }

    @Test
    void ordinaryPathsStillPass() {
        assertThat(rawGet("/accounts/desk.a/credentials").status()).isEqualTo(200);
        assertThat(rawGet("/accounts/desk%20a?x=a;b//c").status()).isEqualTo(200);
    }

    @Test
    void clientSentInternalHeadersNeverReachTheService() {
        send(authorized("/accounts/header-check")
                .header("X-Aviary-Internal-Token", "guess")
                .header("X-Aviary-Caller", "trading-service")
                .header("x-aviary-anything", "1")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=203.0.113.7;host=evil.example"));
        Seen seen = SERVICE.lastRequestTo("/accounts/header-check").orElseThrow();
        assertThat(seen.headers().get("X-Aviary-Internal-Token")).containsExactly(INTERNAL_TOKEN);
        assertThat(seen.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Aviary-Caller")
                || h.equalsIgnoreCase("X-Aviary-Anything") || h.equalsIgnoreCase("Forwarded"));
        assertThat(String.join(",", seen.headers().getOrDefault("X-Forwarded-For", List.of())))
                .doesNotContain("203.0.113.7");
        assertThat(String.join(",", seen.headers().getOrDefault("X-Forwarded-Host", List.of())))
                .doesNotContain("evil.example");
    }

    /**
     * The SCG header filters that only copied every proxied request's headers here are gone (issue 16: the gateway's
     * cost per request); the test above shows the edge still strips what they stripped. Hop-by-hop removal stays.
     */
    @Test
    void noHeaderFilterCopiesTheHeadersForNothing(@Autowired ApplicationContext context) {
        assertThat(context.getBeansOfType(HttpHeadersFilter.class).keySet())
                .doesNotContain("removeForwardedHeadersFilter", "removeXForwardedHeadersFilter", "gRPCRequestHeadersFilter");
        assertThat(context.getBeansOfType(RemoveHopByHopHeadersFilter.class)).hasSize(1);
    }

    @Test
    void hopByHopHeadersNeverReachTheService() {
        send(authorized("/accounts/hop-check").header("Keep-Alive", "timeout=5").header("Proxy-Authorization", "Basic x")
                .header("X-Kept", "1"));
        Seen seen = SERVICE.lastRequestTo("/accounts/hop-check").orElseThrow();
        assertThat(seen.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase("Keep-Alive")
                || h.equalsIgnoreCase("Proxy-Authorization"));
        assertThat(seen.headers().get("X-Kept")).containsExactly("1");
    }

    /** The JDK client normalises or refuses some of these paths, so they go over a plain socket, byte for byte. */
    private RawAnswer rawGet(String path) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + GOOD
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new RawAnswer(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
