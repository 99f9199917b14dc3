package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import io.aviary.gateway.web.RequestIdFilter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The merged API docs, Swagger UI, the gateway's own error bodies, metrics and what reaches the log. */
@ExtendWith(OutputCaptureExtension.class)
class DocsAndErrorsHttpTest extends GatewayHttpTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void openApiMergesTheServicesDocsAndNamesTheMissingOnes() {
        HttpResponse<String> response = send(request("/openapi.json"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.path("info").path("title").asString()).isEqualTo("Aviary API");
        assertThat(doc.path("info").path("description").asString())
                .endsWith("Not reachable just now, so not listed: trading, orchestration, archive.");
        assertThat(doc.path("paths").path("/accounts/").path("get").path("summary").asString()).isEqualTo("List accounts");
        assertThat(doc.path("paths").path("/accounts/").path("x-aviary-service").asString())
                .as("first service wins; accounts, market-data and backtesting all serve the same document")
                .isEqualTo("accounts");
        assertThat(doc.path("components").path("schemas").has("AccountSummary")).isTrue();
        assertThat(doc.has("servers")).as("Try it out goes through the gateway").isFalse();
        assertThat(SERVICE.lastRequestTo("/v3/api-docs").orElseThrow().headers().getFirst("X-Aviary-Internal-Token"))
                .isEqualTo(INTERNAL_TOKEN);
    }

    @Test
    void docsServeSwaggerUiOverTheMergedDocumentWithoutAuth() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> ui = send(following, request("/docs"));
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("<title>Swagger UI</title>");

        HttpResponse<String> config = send(request("/v3/api-docs/swagger-config"));
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(config.body()).path("url").asString()).isEqualTo("/openapi.json");
    }

    @Test
    void theGatewaysOwnSpringdocDocumentIsNotPassedOffAsTheApi() {
        assertThat(send(clientFrom("127.0.0.14"), request("/v3/api-docs")).statusCode()).isEqualTo(401);
        JsonNode own = JSON.readTree(send(authorized("/v3/api-docs")).body());
        assertThat(own.path("paths").isEmpty()).isTrue();
    }

    @Test
    void unknownPathsAndMethodsGetJsonDetails() {
        HttpResponse<String> unknown = send(authorized("/no/such/path"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"detail\":\"Not Found\"}");
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));

        HttpResponse<String> wrongMethod = send(request("/").DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
    }

    @Test
    void theBreakersFallbackCannotBeCalledDirectly() {
        HttpResponse<String> direct = send(authorized("/__unavailable/accounts"));
        assertThat(direct.statusCode()).isEqualTo(404);
        assertThat(direct.body()).isEqualTo("{\"detail\":\"Not Found\"}");
    }

    @Test
    void prometheusCarriesGatewayRouteMetrics() {
        send(authorized("/connectors/"));
        String metrics = send(authorized("/actuator/prometheus")).body();
        assertThat(metrics).contains("spring_cloud_gateway_requests_seconds_count").contains("routeId=\"market-data\"");
    }

    /** The dashboard's p99 reads http_server_requests_seconds_bucket; a dozen buckets, not Micrometer's ~70. */
    @Test
    void prometheusCarriesTheServerRequestBucketsTheDashboardReads() {
        send(authorized("/accounts/"));
        String metrics = send(authorized("/actuator/prometheus")).body();
        Map<String, List<String>> bucketsBySeries = metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_bucket{") && line.contains("status=\"200\""))
                .collect(Collectors.groupingBy(line -> line.replaceAll("le=\"[^\"]*\",?|}.*", ""),
                        Collectors.mapping(line -> line.replaceAll(".*le=\"([^\"]*)\".*", "$1"), Collectors.toList())));
        assertThat(bucketsBySeries).as("the 200 series").isNotEmpty();
        List<String> les = bucketsBySeries.values().iterator().next();
        assertThat(les).contains("0.005", "0.05", "0.5", "5.0", "+Inf").hasSizeLessThanOrEqualTo(16);
        assertThat(metrics).as("no per-request long task timer").doesNotContain("http_server_requests_active_seconds");
    }

    /** Off the event loop, through a bounded queue that blocks rather than drops (AsyncAccessLog). */
    @Test
    void theAccessLineGoesThroughABoundedQueueThatNeverDropsALine() {
        Logger access = (Logger) LoggerFactory.getLogger(RequestIdFilter.ACCESS_LOGGER);
        assertThat(access.isAdditive()).as("not also written synchronously by the root's appenders").isFalse();
        assertThat(access.getAppender("ASYNC_ACCESS_CONSOLE")).as("in front of Spring Boot's console appender")
                .isInstanceOfSatisfying(AsyncAppender.class, async -> {
                    assertThat(async.isStarted()).isTrue();
                    assertThat(async.getDiscardingThreshold()).isZero();
                    assertThat(async.isNeverBlock()).isFalse();
                });
    }

    @Test
    void theLogHasAnAccessLineWithTheRequestIdButNoSecret(CapturedOutput output) {
        send(authorized("/accounts/").header("X-Request-Id", "log-check-1"));
        send(clientFrom("127.0.0.15"), request("/accounts/").header("Authorization", basic("desk", "hunter2-wrong")));
        send(authorized("/trading/orders").header("X-Request-Id", "log-check-2"));
        send(authorized("/accounts/").POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))));

        // written by Logback's worker thread (AsyncAccessLog), so shortly after the answer
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getAll())
                .containsPattern("GET /accounts/ 200 \\d+ms rid=log-check-1 trace=[0-9a-f]{32}")
                .containsPattern("GET /trading/orders 503 \\d+ms rid=log-check-2 trace=[0-9a-f]{32}"));
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain("hunter2-wrong")
                .doesNotContain(INTERNAL_TOKEN).doesNotContain(GOOD.substring(6)).doesNotContainIgnoringCase("authorization:");
    }
}
