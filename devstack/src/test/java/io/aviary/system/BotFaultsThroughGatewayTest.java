package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.devstack.RunningSuite;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults while a bot runs (issue 14), on the embedded suite with the local-process runtime, through the gateway:
 * orchestration-service is SIGKILLed and started again (the bot process keeps running, is re-adopted from its
 * {@code bot.pid}, is listed running again and is stopped and archived by the new orchestration, and no second bot
 * process appears), and the MQTT broker is restarted (the bot and orchestration both reconnect, the bot reports fresh
 * performance and answers {@code history}). Needs gateway, sim-exchange, accounts-service, trading-service,
 * orchestration-service and archive-service, and the bot jar built.
 *
 * <p>Bounds are generous for a loaded 2-core machine: a deployed bot's JVM has 120 s to be listed running, a
 * restarted orchestration or broker 90 s to be reconnected and hear the bot again, a stop-and-archive 120 s.
 */
class BotFaultsThroughGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration BOT_UP = Duration.ofSeconds(120);
    private static final Duration RECONNECTED = Duration.ofSeconds(90);
    private static final Duration ARCHIVED = Duration.ofSeconds(120);
    private static RunningSuite suite;
    private static Http api;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
    }

    @Test
    void aBotOutlivesASigkillOfOrchestrationAndIsFoundAgainStoppedAndArchived() throws IOException {
        String bot = deployPmmBot("faults_kill");
        awaitRunning(bot);
        ProcessHandle process = botProcess(bot);
        assertThat(botProcessesOf(bot)).containsExactly(process.pid());

        suite.killService("orchestration-service");
        assertThat(process.isAlive()).as("the bot process outlives its parent's SIGKILL").isTrue();
        suite.startService("orchestration-service");

        JsonNode again = awaitRunning(bot);
        assertThat(again.get("runtime_state").asString()).as("re-adopted by the new orchestration's runtime: " + again)
                .isEqualTo("running");
        assertThat(process.isAlive()).isTrue();
        assertThat(botProcess(bot).pid()).as("the same process, not a new one").isEqualTo(process.pid());
        assertThat(botProcessesOf(bot)).as("no duplicate bot").containsExactly(process.pid());
        JsonNode run = json(api.get("/bot-orchestration/bot-runs?bot_name=" + URLEncoder.encode(bot,
                StandardCharsets.UTF_8))).get("data").get(0);
        assertThat(run.get("run_status").asString()).as(run.toString()).isEqualTo("RUNNING");
        Http.Response history = api.get("/bot-orchestration/" + bot + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);

        stopAndArchive(bot);
        await("the re-adopted bot process ends with its stop").atMost(Duration.ofSeconds(30))
                .until(() -> !process.isAlive());
        assertArchived(bot);
    }

    @Test
    void aBotAndOrchestrationReconnectAfterAnMqttBrokerRestartAndCommandsWork() {
        String bot = deployPmmBot("faults_mqtt");
        awaitRunning(bot);
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
        JsonNode fresh = await("the bot reconnected and reports fresh performance").atMost(RECONNECTED)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get("/bot-orchestration/" + bot + "/status")).get("data"),
                        status -> "running".equals(status.get("status").asString())
                                && status.get("recently_active").asBoolean()
                                && Instant.parse(status.get("last_seen").asString()).isAfter(restarted));
        assertThat(fresh.toString()).contains("pmm_faults_mqtt", "volume_traded");
        assertThat(process.isAlive()).as("the bot process rode out the broker restart").isTrue();
        Http.Response history = api.get("/bot-orchestration/" + bot + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(json(history).at("/response/success").asBoolean()).isTrue();

        stopAndArchive(bot);
        assertArchived(bot);
    }

    /** An account with a sim key, a stored pmm_simple config and a deploy-v2-controllers of it; the bot's name. */
    static String deployPmmBot(String name) {
        TradingDesk.open(suite, name, "sim");
        Http.Response config = api.postJson("/controllers/configs/pmm_" + name, """
                {"id": "pmm_%s", "controller_name": "pmm_simple", "controller_type": "market_making",
                 "connector_name": "sim", "trading_pair": "BTC-USDT", "total_amount_quote": "200",
                 "buy_spreads": [0.0005, 0.001], "sell_spreads": [0.0005, 0.001], "executor_refresh_time": 60}"""
                .formatted(name));
        assertThat(config.status()).as(config.toString()).isEqualTo(201);
        Http.Response deployed = api.postJson("/bot-orchestration/deploy-v2-controllers", """
                {"instance_name": "%s", "credentials_profile": "%s", "controllers_config": ["pmm_%s"]}"""
                .formatted(name, name, name));
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
        return json(deployed).get("unique_instance_name").asString();
    }

    /** Waits until the bot is listed running with performance; its status object. */
    static JsonNode awaitRunning(String bot) {
        return await(bot + " listed running with performance").atMost(BOT_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get("/bot-orchestration/status")).at("/data/" + bot),
                        status -> "running".equals(status.path("status").asString(""))
                                && status.path("performance").size() > 0);
    }

    static void stopAndArchive(String bot) {
        Http.Response archive = api.post("/bot-orchestration/stop-and-archive-bot/" + bot);
        assertThat(archive.status()).as(archive.toString()).isEqualTo(200);
        String jobUrl = json(archive).get("job_url").asString();
        JsonNode job = await("stop-and-archive of " + bot).atMost(ARCHIVED).pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get(jobUrl)), j -> !j.get("status").asString().equals("running")
                        && !j.get("status").asString().equals("pending"));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
    }

    static void assertArchived(String bot) {
        String dbPath = "bots/archived/" + bot + "/data/" + bot + ".sqlite";
        List<String> archived = await("archive-service lists " + dbPath).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get("/archived-bots/")).valueStream().map(JsonNode::asString).toList(),
                        list -> list.contains(dbPath));
        assertThat(archived).contains(dbPath);
        JsonNode runs = json(api.get("/bot-orchestration/bot-runs?bot_name="
                + URLEncoder.encode(bot, StandardCharsets.UTF_8)));
        assertThat(runs.toString()).contains("ARCHIVED");
    }

    /** The bot's process as recorded in its {@code bot.pid}. */
    private static ProcessHandle botProcess(String bot) {
        Path pidFile = instanceFolder(bot).resolve("bot.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip().split(" ")[0]);
            return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid + " for " + bot));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + pidFile, e);
        }
    }

    /** PIDs of the live processes whose command line names the bot's instance folder. */
    private static List<Long> botProcessesOf(String bot) {
        String folder = "/bots/instances/" + bot;
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> List.of(args).stream().anyMatch(a -> a.endsWith(folder)))
                        .orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    private static Path instanceFolder(String bot) {
        return suite.dataDir().resolve("bots").resolve("instances").resolve(bot);
    }

    private static JsonNode json(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
