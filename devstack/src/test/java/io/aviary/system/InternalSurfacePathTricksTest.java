package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.devstack.RunningSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The internal surface seen from outside: no spelling of a path through the gateway reaches accounts-service's
 * credential API, a service port never treats a path trick as its open health path, and the credential API wants its
 * own secret, not the gateway's token. Needs only the gateway and accounts-service
 * ({@code -Daviary.test.services=gateway,accounts-service}).
 */
class InternalSurfacePathTricksTest {

    /** Sent byte for byte over a socket: the JDK client would normalize or refuse several of them. */
    private static final List<String> TRICKS = List.of(
            "/internal/credentials", "/internal/credentials/", "/accounts/../internal/credentials",
            "/accounts/%2e%2e/internal/credentials", "/accounts/%2E%2E/internal/credentials",
            "/accounts/..%2finternal/credentials", "/accounts%2f..%2finternal%2fcredentials",
            "/accounts;x=1/../internal/credentials", "/internal;/credentials", "/accounts/;/../internal/credentials",
            "//internal/credentials", "/accounts//../internal/credentials", "/accounts/./../internal/credentials",
            "/accounts\\..\\internal\\credentials", "/accounts/%5c..%5cinternal/credentials",
            "/actuator/health/..%2f..%2finternal/credentials", "/actuator/health/%2e%2e/%2e%2e/internal/credentials",
            "/actuator/health/../../internal/credentials", "/actuator/health;/../../internal/credentials");

    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
    }

    @Test
    void noPathTrickThroughTheGatewayReachesTheCredentialApi() {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (suite.username() + ":" + suite.password()).getBytes(StandardCharsets.UTF_8));
        // the suite is shared: earlier tests' bots and executors legitimately read credentials (caller=trading-service),
        // so only what the log gained during the tricks counts
        int logBefore = suite.serviceLog("accounts-service").length();
        for (String path : TRICKS) {
            RawAnswer answer = rawGet(suite.gatewayUrl(), path, Map.of("Authorization", basic));
            assertThat(answer.status()).as(path).isIn(400, 404);
            assertNoCredentialData(path, answer);
        }
        assertThat(suite.serviceLog("accounts-service").substring(logBefore)).doesNotContain("Credential read:");
    }

    @Test
    void aServicePortRefusesPathTricksInsteadOfTreatingThemAsItsOpenHealthPath() {
        String accounts = suite.serviceUrl("accounts-service");
        for (String path : TRICKS.stream().filter(p -> p.startsWith("/actuator/health")).toList()) {
            RawAnswer answer = rawGet(accounts, path, Map.of());
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertNoCredentialData(path, answer);
        }
        assertThat(rawGet(accounts, "/actuator/health", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theCredentialApiWantsItsOwnSecretNotTheGatewayToken() {
        String accounts = suite.serviceUrl("accounts-service");
        Map<String, String> gatewayToken = Map.of("X-Aviary-Internal-Token", suite.internalToken());
        RawAnswer gatewayOnly = rawGet(accounts, "/internal/credentials", gatewayToken);
        assertThat(gatewayOnly.status()).isEqualTo(403);
        assertThat(gatewayOnly.body()).contains("\"detail\"").doesNotContain(suite.credentialsToken());
        Map<String, String> wrong = new LinkedHashMap<>(gatewayToken);
        wrong.put("X-Aviary-Credentials-Token", suite.internalToken());
        assertThat(rawGet(accounts, "/internal/credentials", wrong).status()).isEqualTo(403);
        for (String path : TRICKS) {
            RawAnswer answer = rawGet(accounts, path, gatewayToken);
            assertThat(answer.status()).as(path).isIn(400, 403, 404);
            assertNoCredentialData(path, answer);
        }

        Map<String, String> both = new LinkedHashMap<>(gatewayToken);
        both.put("X-Aviary-Credentials-Token", suite.credentialsToken());
        RawAnswer read = rawGet(accounts, "/internal/credentials", both);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).startsWith("[");
    }

    private static void assertNoCredentialData(String path, RawAnswer answer) {
        assertThat(answer.body()).as(path).doesNotContain("connector_name").doesNotContain("\"fields\"")
                .doesNotStartWith("[");
    }

    record RawAnswer(int status, String body) {
    }

    /** The body of a chunked answer (ASCII JSON here, so sizes in characters are sizes in bytes). */
    private static String dechunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private static RawAnswer rawGet(String baseUrl, String path, Map<String, String> headers) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            String head = bodyStart < 0 ? response : response.substring(0, bodyStart);
            String body = bodyStart < 0 ? "" : response.substring(bodyStart + 4);
            return new RawAnswer(status, head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")
                    ? dechunked(body) : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
