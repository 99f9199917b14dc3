package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.devstack.RestartPolicy;
import io.aviary.devstack.RunningSuite;
import io.aviary.devstack.ServiceProcess;
import io.aviary.devstack.ServiceSpec;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults a user meets under {@code ./run.sh}, on a supervised suite of its own (the shared suite is not supervised:
 * other tests kill its services on purpose). Processes are killed from outside with {@code kill -9}, as a user or the
 * OOM killer would, never through the suite. The first restart waits 20 s here (1 s under run.sh) so the outage
 * can be observed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashSupervisionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RestartPolicy POLICY = new RestartPolicy(3, Duration.ofMinutes(5), Duration.ofSeconds(20), Duration.ofSeconds(30));
    private static final Duration FAST = Duration.ofSeconds(3);

    private static final List<String> console = new CopyOnWriteArrayList<>();
    private static RunningSuite suite;
    private static Http api;

    @BeforeAll
    static void startSupervisedSuite() {
        suite = RunningSuite.startSeparate("supervised", builder -> builder
                .services(List.of("gateway", "accounts-service", "trading-service").stream().map(ServiceSpec::require).toList())
                .restartPolicy(POLICY), line -> {
                    console.add(line);
                    System.out.println("[supervised] " + line);
                });
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void aKilledServiceIsBackByItselfAndTheGatewayServesItAgain() throws Exception {
        String account = newAccount();
        long pid = suite.suite().service("accounts-service").pid();

        killHard(pid);

        await().atMost(Duration.ofSeconds(5)).until(() -> printed("accounts-service exited unexpectedly"));
        Http.Response whileDown = api.get("/accounts/");
        assertThat(whileDown.status()).as("the gateway names the service that is down").isEqualTo(503);
        assertThat(detail(whileDown)).contains("accounts");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            ServiceProcess now = suite.suite().service("accounts-service");
            return now.pid() != pid && now.isHealthy();
        });
        // the gateway's breaker may still be open for a few seconds after the outage
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response listed = api.get("/accounts/");
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.body()).contains("\"" + account + "\"");
        });
        assertThat(api.post("/accounts/add-account?account_name=" + account + "_after").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> printed("accounts-service is back"));
    }

    @Test
    @Order(2)
    void withPostgresKilledServicesAnswerAFast503AndRecoverWithoutARestartOnceItIsBack() throws Exception {
        String before = newAccount();
        long accountsPid = suite.suite().service("accounts-service").pid();
        long tradingPid = suite.suite().service("trading-service").pid();
        long postmaster = suite.suite().infrastructure().postgres().postmaster().orElseThrow().pid();

        killHard(postmaster);

        await().atMost(Duration.ofSeconds(5)).until(() -> printed("PostgreSQL (postmaster pid " + postmaster + ") stopped unexpectedly"));
        assertDatabaseUnavailable(() -> api.get("/accounts/"));
        assertDatabaseUnavailable(() -> api.post("/accounts/add-account?account_name=" + before + "_down"));
        assertDatabaseUnavailable(() -> api.postJson("/trading/orders/search", "{}"));

        long t0 = System.nanoTime();
        // with the internal token: anonymous health shows the status only, not which component is down
        Http.Response health = Http.to(suite.serviceUrl("accounts-service"))
                .header("X-Aviary-Internal-Token", suite.internalToken()).get("/actuator/health");
        Duration healthTook = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("[supervised] accounts-service health with PostgreSQL down: " + health.status() + " in " + healthTook.toMillis() + " ms");
        assertThat(health.status()).as(health.body()).isEqualTo(503);
        JsonNode healthBody = JSON.readTree(health.body());
        assertThat(healthBody.path("status").asString()).as(health.body()).isEqualTo("DOWN");
        assertThat(healthBody.path("components").path("db").path("status").asString()).as(health.body()).isEqualTo("DOWN");
        assertThat(healthTook).as("health answers DOWN quickly").isLessThan(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> printed("PostgreSQL is back"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response listed = api.get("/accounts/");
            assertThat(listed.status()).as(listed.body()).isEqualTo(200);
            assertThat(listed.body()).as("written before the kill").contains("\"" + before + "\"");
        });
        String after = before + "_after";
        assertThat(api.post("/accounts/add-account?account_name=" + after).status()).isEqualTo(201);
        assertThat(api.get("/accounts/").body()).contains("\"" + after + "\"").doesNotContain("\"" + before + "_down\"");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.postJson("/trading/orders/search", "{}").status()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(30)).until(() -> suite.suite().service("accounts-service").isHealthy());

        assertThat(suite.suite().service("accounts-service").pid()).as("recovered without a restart").isEqualTo(accountsPid);
        assertThat(suite.suite().service("trading-service").pid()).as("recovered without a restart").isEqualTo(tradingPid);
    }

    private static void assertDatabaseUnavailable(java.util.function.Supplier<Http.Response> request) {
        long t0 = System.nanoTime();
        Http.Response response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println("[supervised] with PostgreSQL down: " + response.status() + " " + response.body() + " in " + took.toMillis() + " ms");
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(detail(response)).isEqualTo("database unavailable");
        assertThat(took).as("a fast 503, not a wait for the pool").isLessThan(FAST);
    }

    private static String newAccount() {
        String account = "crash_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/accounts/add-account?account_name=" + account).status()).isEqualTo(201);
        return account;
    }

    /** {@code kill -9}, from outside the suite; returns once the process is gone. */
    private static void killHard(long pid) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertThat(new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor()).isZero();
        process.onExit().get(10, TimeUnit.SECONDS);
    }

    private static boolean printed(String text) {
        return console.stream().anyMatch(line -> line.contains(text));
    }

    private static String detail(Http.Response response) {
        return JSON.readTree(response.body()).get("detail").asString();
    }
}
