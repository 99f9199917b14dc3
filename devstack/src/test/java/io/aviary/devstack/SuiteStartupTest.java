package io.aviary.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole suite starts from the built jars, exactly as {@code ./run.sh} starts it, and every service answers
 * its probes: health UP, Prometheus metrics, and its OpenAPI document to callers holding the internal token.
 */
class SuiteStartupTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private static final String TOKEN_HEADER = "X-Aviary-Internal-Token";

    private static RunningSuite suite;

    @BeforeAll
    static void start() {
        suite = RunningSuite.get();
    }

    private static List<String> started() {
        return suite.suite().services().stream().map(ServiceProcess::name).toList();
    }

    @Test
    void everyServiceIsUpWithMetrics() {
        assertThat(started()).as("services started").isNotEmpty();
        for (String module : started()) {
            HttpResponse<String> health = get(suite.serviceUrl(module) + "/actuator/health", Map.of());
            assertThat(health.statusCode()).as("%s health: %s", module, health.body()).isEqualTo(200);
            assertThat(health.body()).as("%s health", module).contains("\"status\":\"UP\"");

            // the gateway's metrics are for operators only (Basic); the services' stay open on loopback
            Map<String, String> auth = module.equals("gateway") ? Map.of("Authorization", basic()) : Map.of();
            HttpResponse<String> metrics = get(suite.serviceUrl(module) + "/actuator/prometheus", auth);
            assertThat(metrics.statusCode()).as("%s prometheus", module).isEqualTo(200);
            assertThat(metrics.body()).as("%s prometheus", module).contains("jvm_memory_used_bytes");
        }
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (suite.username() + ":" + suite.password()).getBytes(StandardCharsets.UTF_8));
    }

    /** Platform services behind the gateway: not the gateway itself, not the simulated venue (reached like an exchange). */
    private static List<String> platformServices() {
        return started().stream().filter(m -> !m.equals("gateway") && !m.equals("sim-exchange")).toList();
    }

    @Test
    void everyServiceRoundTripsItsOwnEventThroughKafka() throws InterruptedException {
        // Each service publishes ServiceStarted through its outbox and reads it back from its topic;
        // its eventPath health turns UP only then: proof that it produces and consumes its topic.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        for (String module : platformServices()) {
            String status = eventPathStatus(module);
            while (!"UP".equals(status) && java.time.Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                status = eventPathStatus(module);
            }
            assertThat(status).as("%s eventPath health", module).isEqualTo("UP");
        }
    }

    private static String eventPathStatus(String module) {
        // components are shown only to a caller with the internal token; anonymous health is status only
        String body = get(suite.serviceUrl(module) + "/actuator/health", Map.of(TOKEN_HEADER, suite.internalToken())).body();
        return com.jayway.jsonpath.JsonPath.read(body, "$.components.eventPath.status");
    }

    @Test
    void everyServicePublishesItsOpenApiToTheGatewayOnly() {
        for (String module : platformServices()) {
            HttpResponse<String> docs = get(suite.serviceUrl(module) + "/v3/api-docs", Map.of(TOKEN_HEADER, suite.internalToken()));
            assertThat(docs.statusCode()).as("%s /v3/api-docs with the token: %s", module, docs.body()).isEqualTo(200);
            assertThat(docs.body()).as("%s /v3/api-docs", module).contains("\"openapi\"");

            HttpResponse<String> anonymous = get(suite.serviceUrl(module) + "/v3/api-docs", Map.of());
            assertThat(anonymous.statusCode()).as("%s /v3/api-docs without the token", module).isEqualTo(401);
        }
    }

    @Test
    void theGatewayServesTheMergedDocumentAndTheDocsPage() {
        // a run that leaves the gateway out (-Daviary.test.services) reports this test skipped, not passed
        assumeTrue(started().contains("gateway"), "the gateway is not started in this run");
        HttpResponse<String> merged = get(suite.gatewayUrl() + "/openapi.json", Map.of());
        assertThat(merged.statusCode()).as("/openapi.json: %s", merged.body()).isEqualTo(200);
        assertThat(merged.body()).contains("\"openapi\"");
        assertThat(get(suite.gatewayUrl() + "/docs", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void servicesGotTheirWiringAndOnlyTheirOwnSecrets() {
        Map<String, String> accounts = suite.suite().service("accounts-service").environment();
        EmbeddedPostgresServer postgres = suite.suite().infrastructure().postgres();
        // with the embedded PostgreSQL a service logs in as its own role, owner of its schema only
        String accountsDatabase = postgres == null ? suite.databaseUrl() : postgres.databaseUrl("aviary_accounts");
        assertThat(accounts).containsEntry("SERVER_PORT", Integer.toString(suite.servicePort("accounts-service")))
                .containsEntry("DATABASE_URL", accountsDatabase)
                .containsEntry("AVIARY_DOTENV", "off")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", suite.kafkaBootstrap())
                .containsEntry("BROKER_PORT", Integer.toString(suite.mqttPort()))
                .containsEntry("AVIARY_INTERNAL_TOKEN", suite.internalToken())
                .containsEntry("CONFIG_PASSWORD", suite.configPassword())
                .doesNotContainKeys("USERNAME", "PASSWORD");
        for (ServiceProcess p : suite.suite().services()) {
            if (!p.name().equals("accounts-service") && !p.name().equals("orchestration-service")) {
                assertThat(p.environment()).as(p.name()).doesNotContainKey("CONFIG_PASSWORD");
            }
            if (!p.name().equals("gateway")) {
                assertThat(p.environment()).as(p.name()).doesNotContainKeys("USERNAME", "PASSWORD");
            }
        }
    }

    @Test
    void theGatewayGotTheUsersPasswordAndTheServicesUrls() {
        assumeTrue(started().contains("gateway"), "the gateway is not started in this run");
        assertThat(suite.suite().service("gateway").environment())
                .containsEntry("USERNAME", suite.username())
                .containsEntry("PASSWORD", suite.password())
                .containsEntry("AVIARY_ACCOUNTS_URL", suite.serviceUrl("accounts-service"))
                .containsEntry("AVIARY_ARCHIVE_URL", suite.serviceUrl("archive-service"));
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("GET " + url + " failed: " + e, e);
        }
    }
}
