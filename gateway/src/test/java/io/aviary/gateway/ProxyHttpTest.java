package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.gateway.support.FakeService;
import io.aviary.gateway.support.FakeService.Seen;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Routing, the headers a service receives, request ids, pass-through of service errors, 503s and 413. */
@ExtendWith(OutputCaptureExtension.class)
class ProxyHttpTest extends GatewayHttpTestBase {

    @Test
    void proxiesWithThePathUnchangedAndTheRightHeaders() {
        HttpResponse<String> response = send(authorized("/accounts/desk_a/credentials?x=1&y=two")
                .header("X-Aviary-Internal-Token", "forged-by-client")
                .header("X-Request-Id", "req-42"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"path\":\"/accounts/desk_a/credentials?x=1&y=two\"}");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("req-42");

        Seen seen = SERVICE.lastRequestTo("/accounts/desk_a/credentials?x=1&y=two").orElseThrow();
        assertThat(seen.headers().get("X-Aviary-Internal-Token")).containsExactly(INTERNAL_TOKEN);
        assertThat(seen.headers().get("X-Request-Id")).containsExactly("req-42");
        assertThat(seen.headers().get("traceparent")).as("a request id that is no trace id gets a trace of its own")
                .singleElement().asString().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(seen.headers().containsKey("Authorization")).as("the user's password stays at the gateway").isFalse();
    }

    /**
     * A service's gzip'd answer reaches the client byte for byte: the gateway neither unzips nor zips again (that CPU
     * is spent once, in the service), and a client that does not accept gzip gets the plain JSON.
     */
    @Test
    void aGzipAnswerPassesThroughCompressedAndUnchanged() throws Exception {
        HttpClient client = clientFrom("127.0.0.1");
        HttpResponse<byte[]> zipped = client.send(authorized("/market-data/historical-candles/gzip")
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.body()).as("the service's own gzip bytes").isEqualTo(FakeService.gzipped());
        Seen seen = SERVICE.lastRequestTo("/market-data/historical-candles/gzip").orElseThrow();
        assertThat(seen.headers().get("Accept-Encoding")).as("the service is told the client accepts gzip")
                .containsExactly("gzip");

        HttpResponse<String> plain = send(authorized("/market-data/historical-candles/gzip"));
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(FakeService.GZIP_JSON);
    }

    @Test
    void routesEveryPrefixWithAndWithoutTheTrailingSlash() {
        for (String path : new String[] {"/accounts", "/accounts/", "/portfolio/state", "/market-data/prices",
                "/connectors/", "/backtesting/run"}) {
            HttpResponse<String> response = send(authorized(path));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo("{\"path\":\"" + path + "\"}");
        }
        assertThat(send(authorized("/accountsx")).statusCode()).as("a prefix is a whole segment").isEqualTo(404);
    }

    @Test
    void generatesARequestIdWhenNoneOrAnUnsafeOneIsSent() {
        for (HttpRequest.Builder request : new HttpRequest.Builder[] {authorized("/connectors/"),
                authorized("/connectors/").header("X-Request-Id", "bad id with spaces"),
                authorized("/connectors/").header("X-Request-Id", "x".repeat(129))}) {
            HttpResponse<String> response = send(request);
            assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
            String id = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(id).as("a W3C trace id").matches("[0-9a-f]{32}");
            assertThat(SERVICE.requestWithId(id)).as("the service got the same id").isPresent();
            assertThat(SERVICE.requestWithId(id).orElseThrow().headers().getFirst("traceparent"))
                    .as("and a trace whose id is the request id").matches("00-" + id + "-[0-9a-f]{16}-0[01]");
        }
    }

    @Test
    void theGatewaysOwnAnswersCarryTheRequestIdToo() {
        HttpResponse<String> refused = send(clientFrom("127.0.0.13"), request("/accounts/").header("X-Request-Id", "r.1_A-b"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("X-Request-Id")).containsExactly("r.1_A-b");
    }

    @Test
    void serviceErrorsPassThroughUnchanged() {
        HttpResponse<String> missing = send(authorized("/accounts/missing/credentials"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"detail\":\"Account 'missing' not found\"}");

        HttpResponse<String> invalid = send(authorized("/accounts/invalid").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).isEqualTo(FakeService.INVALID_BODY);

        HttpResponse<String> broken = send(authorized("/accounts/broken"));
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).isEqualTo("{\"detail\":\"Internal Server Error\"}");
    }

    @Test
    void serviceErrorsDoNotOpenTheCircuitBreaker() {
        // 15 answers of 500 would open the breaker (half of >= 10 calls) if statuses counted as failures.
        for (int i = 0; i < 15; i++) {
            assertThat(send(authorized("/portfolio/broken")).statusCode()).isEqualTo(500);
        }
        assertThat(send(authorized("/portfolio/state")).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnreachableServiceIsA503Quickly(CapturedOutput output) {
        for (String path : new String[] {"/trading/orders", "/docker/running", "/archived-bots/"}) {
            String rid = "unreachable-" + path.split("/")[1];
            HttpResponse<String> response = send(authorized(path).header("X-Request-Id", rid));
            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            // "quickly" without a stopwatch: the 503 answers the refused connection itself, not a timeout
            assertThat(output.getAll().lines().filter(line -> line.contains("service unavailable") && line.contains("rid=" + rid)))
                    .as("the gateway's reason for %s", path).singleElement().asString()
                    .contains("Connection refused").doesNotContain("Timeout");
        }
        assertThat(send(authorized("/trading/orders")).body()).isEqualTo("{\"detail\":\"trading service is unavailable\"}");
        assertThat(send(authorized("/scripts/")).body()).isEqualTo("{\"detail\":\"orchestration service is unavailable\"}");
        assertThat(send(authorized("/databases/")).body()).isEqualTo("{\"detail\":\"archive service is unavailable\"}");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA503() {
        try {
            HttpResponse<String> response = send(authorized("/backtesting/slow"));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).isEqualTo("{\"detail\":\"backtesting service is unavailable\"}");
            assertThat(SERVICE.requestsContaining("/backtesting/slow")).as("the service got the request").hasSize(1);
            // the service holds its answer until released: a 503 now cannot be the gateway passing on a late answer
            assertThat(SERVICE.slowAnswersSent()).as("slow answers the service had sent when the 503 arrived").isZero();
        } finally {
            SERVICE.releaseSlowAnswers();
        }
    }

    @Test
    void oversizeBodiesAre413BeforeReachingTheService() {
        HttpResponse<String> response = send(authorized("/accounts/add-credential/a/sim")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000))));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Request body too large: 2000 bytes (limit 1000)\"}");
        assertThat(SERVICE.lastRequestTo("/accounts/add-credential/a/sim")).isEmpty();

        HttpResponse<String> small = send(authorized("/accounts/add-credential/b/sim")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("x".repeat(1000))));
        assertThat(small.statusCode()).isEqualTo(200);
    }

    @Test
    void oversizeChunkedBodiesAre413Too() {
        // An input-stream body has no known length, so the JDK client sends it chunked.
        HttpResponse<String> response = send(authorized("/accounts/add-credential/c/sim")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[5000]))));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Request body too large: more than 1000 bytes (limit 1000)\"}");
    }
}
