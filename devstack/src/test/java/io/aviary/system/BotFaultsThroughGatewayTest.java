package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.devstack.RunningSuite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Faults while a bot runs (issue 14), on the embedded suite with the local-process runtime, through the gateway:
 * orchestration-service is SIGKILLed and started again (the bot process keeps running, is re-adopted from its
 * {@code bot.pid}, is listed running again and is stopped and archived by the new orchestration, and no second bot
 * process appears), and the MQTT broker is restarted (the bot and orchestration both reconnect, the bot reports fresh
 * performance and answers {@code history}). Needs gateway, sim-exchange, accounts-service, trading-service,
 * orchestration-service and archive-service, and the bot jar built.
 *
 * <p>Bounds are generous for a loaded 2-core machine ({@link BotDesk} for deploy and archive): a restarted
 * orchestration or broker has 90 s to be reconnected and hear the bot again.
 */
class BotFaultsThroughGatewayTest {

    private static final Duration RECONNECTED = Duration.ofSeconds(90);
    private static RunningSuite suite;
    private static BotDesk desk;
    private static Http api;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        desk = BotDesk.on(suite);
        api = desk.api();
    }

    @Test
    void aBotOutlivesASigkillOfOrchestrationAndIsFoundAgainStoppedAndArchived() {
        String bot = desk.deployPmmBot("faults_kill");
        desk.awaitRunning(bot);
        ProcessHandle process = botProcess(bot);
        assertThat(botProcessesOf(bot)).containsExactly(process.pid());

        suite.killService("orchestration-service");
        assertThat(process.isAlive()).as("the bot process outlives its parent's SIGKILL").isTrue();
        suite.startService("orchestration-service");
        long healthy = System.nanoTime();

        JsonNode again = desk.awaitRunning(bot);
        System.out.printf("bot %s listed running again %d ms after the restarted orchestration-service was healthy%n",
                bot, Duration.ofNanos(System.nanoTime() - healthy).toMillis());
        assertThat(again.get("runtime_state").asString()).as("re-adopted by the new orchestration's runtime: " + again)
                .isEqualTo("running");
        assertThat(process.isAlive()).isTrue();
        assertThat(botProcess(bot).pid()).as("the same process, not a new one").isEqualTo(process.pid());
        assertThat(botProcessesOf(bot)).as("no duplicate bot").containsExactly(process.pid());
        JsonNode run = desk.runOf(bot);
        assertThat(run.get("run_status").asString()).as(run.toString()).isEqualTo("RUNNING");
        Http.Response history = api.get("/bot-orchestration/" + bot + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);

        desk.stopAndArchive(bot);
        await("the re-adopted bot process ends with its stop").atMost(Duration.ofSeconds(30))
                .until(() -> !process.isAlive());
        desk.assertArchived(bot);
    }

    @Test
    void aBotAndOrchestrationReconnectAfterAnMqttBrokerRestartAndCommandsWork() {
        String bot = desk.deployPmmBot("faults_mqtt");
        desk.awaitRunning(bot);
        ProcessHandle process = botProcess(bot);

        suite.stopMqtt();
        try {
            await("orchestration sees the broker gone").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !json(api.get("/bot-orchestration/mqtt")).at("/data/mqtt_connected").asBoolean());
            Http.Response down = api.get("/bot-orchestration/" + bot + "/history");
            assertThat(down.status()).as(down.toString()).isEqualTo(503);
        } finally {
            suite.startMqtt();
        }
        Instant restarted = Instant.now();

        await("orchestration reconnected").atMost(RECONNECTED).pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get("/bot-orchestration/mqtt")).at("/data/mqtt_connected").asBoolean());
        long orchestrationBack = Duration.between(restarted, Instant.now()).toMillis();
        JsonNode fresh = await("the bot reconnected and reports fresh performance").atMost(RECONNECTED)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get("/bot-orchestration/" + bot + "/status")).get("data"),
                        status -> "running".equals(status.get("status").asString())
                                && status.get("recently_active").asBoolean()
                                && Instant.parse(status.get("last_seen").asString()).isAfter(restarted));
        System.out.printf("after the broker was up again: orchestration reconnected within %d ms, bot %s running with "
                + "fresh performance within %d ms%n", orchestrationBack, bot,
                Duration.between(restarted, Instant.now()).toMillis());
        assertThat(fresh.toString()).contains("pmm_faults_mqtt", "volume_traded");
        assertThat(process.isAlive()).as("the bot process rode out the broker restart").isTrue();
        Http.Response history = api.get("/bot-orchestration/" + bot + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(json(history).at("/response/success").asBoolean()).isTrue();

        desk.stopAndArchive(bot);
        desk.assertArchived(bot);
    }

    private static ProcessHandle botProcess(String bot) {
        return desk.botProcess(bot);
    }

    private static List<Long> botProcessesOf(String bot) {
        return desk.botProcessesOf(bot);
    }

    private static JsonNode json(Http.Response response) {
        return BotDesk.json(response);
    }
}
