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
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's bot steps through the gateway of one suite: deploy a {@code pmm_simple} bot on {@code sim}, wait until it
 * is listed running with performance, stop and archive it, find its database in archive-service. Bounds are
 * generous for a loaded 2-core machine: a bot has 180 s to be listed running (its JVM, or container, starts and
 * connects), a stop-and-archive 120 s, archive-service 60 s to list the archive.
 */
record BotDesk(RunningSuite suite, Http api) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration BOT_UP = Duration.ofSeconds(180);
    static final Duration ARCHIVED = Duration.ofSeconds(120);

    static BotDesk on(RunningSuite suite) {
        return new BotDesk(suite, Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password()));
    }

    /** An account with a sim key, a stored pmm_simple config and a deploy-v2-controllers of it; the bot's name. */
    String deployPmmBot(String name) {
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
    JsonNode awaitRunning(String bot) {
        return await(bot + " listed running with performance").atMost(BOT_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get("/bot-orchestration/status")).at("/data/" + bot),
                        status -> "running".equals(status.path("status").asString(""))
                                && status.path("performance").size() > 0);
    }

    /**
     * Waits until the bot's log says its strategy started {@code times} times: a bot started again reports over MQTT
     * before its strategy runs, and orchestration still shows what its ended process said last, so only the log tells
     * when a stop would find a strategy to stop.
     */
    void awaitStrategyStarted(String bot, int times) {
        Path log = instanceFolder(bot).resolve("logs").resolve("bot.log");
        await(bot + "'s strategy started " + times + " time(s)").atMost(BOT_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> Files.exists(log) && Files.readString(log).split("Strategy .* started with controllers",
                        -1).length - 1 >= times);
    }

    void stopAndArchive(String bot) {
        Http.Response archive = api.post("/bot-orchestration/stop-and-archive-bot/" + bot);
        assertThat(archive.status()).as(archive.toString()).isEqualTo(200);
        String jobUrl = json(archive).get("job_url").asString();
        JsonNode job = await("stop-and-archive of " + bot).atMost(ARCHIVED).pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get(jobUrl)), j -> !j.get("status").asString().equals("running")
                        && !j.get("status").asString().equals("pending"));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
    }

    /** archive-service lists the bot's database and its run is ARCHIVED. */
    void assertArchived(String bot) {
        String dbPath = "bots/archived/" + bot + "/data/" + bot + ".sqlite";
        List<String> archived = await("archive-service lists " + dbPath).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get("/archived-bots/")).valueStream().map(JsonNode::asString).toList(),
                        list -> list.contains(dbPath));
        assertThat(archived).contains(dbPath);
        JsonNode status = json(api.get("/archived-bots/" + dbPath + "/status"));
        assertThat(status.get("healthy").asBoolean()).as(status.toString()).isTrue();
        assertThat(json(api.get("/bot-orchestration/bot-runs?bot_name=" + encoded(bot))).toString())
                .contains("ARCHIVED");
    }

    /** The bot's newest run ({@code /bot-orchestration/bot-runs}). */
    JsonNode runOf(String bot) {
        return json(api.get("/bot-orchestration/bot-runs?bot_name=" + encoded(bot))).get("data").get(0);
    }

    /** The bot's process as recorded in its {@code bot.pid}. */
    ProcessHandle botProcess(String bot) {
        Path pidFile = instanceFolder(bot).resolve("bot.pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip().split(" ")[0]);
            return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid + " for " + bot));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + pidFile, e);
        }
    }

    /** PIDs of the live processes whose command line names the bot's instance folder. */
    List<Long> botProcessesOf(String bot) {
        String folder = "/bots/instances/" + bot;
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> List.of(args).stream().anyMatch(a -> a.endsWith(folder)))
                        .orElse(false))
                .map(ProcessHandle::pid).toList();
    }

    private Path instanceFolder(String bot) {
        return suite.dataDir().resolve("bots").resolve("instances").resolve(bot);
    }

    static JsonNode json(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
