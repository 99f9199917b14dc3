package io.aviary.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.bot.mqtt.HiveMqTestBroker;
import io.aviary.orchestration.domain.BotRuntimeDriver;
import io.aviary.orchestration.domain.BotRuntimeDriver.BotResources;
import io.aviary.orchestration.runtime.LocalProcessRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /bot-orchestration/status} and the per-bot status list the bots the runtime runs that MQTT has not heard
 * (yet, or any more), not only those heard on MQTT: the real local-process runtime running {@code sleep} (a bot whose
 * JVM never connects) or {@code exit 3} (a bot that dies at once), a real broker (HiveMQ CE) and the real bot's MQTT
 * bridge ({@link FakeBot}) for a bot that then reports.
 */
@Import({MqttWiring.class, BotStatusFromRuntimeApiTest.Runtime.class})
class BotStatusFromRuntimeApiTest extends OrchestrationHttpTestBase {

    private static final HiveMqTestBroker BROKER = HiveMqTestBroker.onFreePort();
    private static final Duration STARTUP_WINDOW = Duration.ofSeconds(8);

    static {
        try {
            BROKER.start();
        } catch (Exception e) {
            throw new IllegalStateException("HiveMQ did not start", e);
        }
    }

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("BROKER_HOST", () -> "127.0.0.1");
        registry.add("BROKER_PORT", BROKER::port);
        registry.add("aviary.bots.liveness-window", () -> "6s");
        registry.add("aviary.bots.runtime", () -> "test");
        registry.add("aviary.bots.startup-window", () -> STARTUP_WINDOW.toSeconds() + "s");
    }

    /** The process runtime: {@code crash…} bots exit at once, every other bot sleeps and never speaks MQTT. */
    static class Runtime {

        @Bean
        BotRuntimeDriver silentProcessRuntime(@Value("${aviary.bots.path}") String botsPath) {
            return new LocalProcessRuntime(folder -> folder.getFileName().toString().startsWith("crash")
                    ? List.of("sh", "-c", "exit 3") : List.of("sleep", "600"), Duration.ofSeconds(5),
                    Path.of(botsPath).resolve("bots").resolve("instances"));
        }
    }

    @Autowired
    BotRuntimeDriver runtime;

    @BeforeEach
    void connected() {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/bot-orchestration/mqtt").json()
                .at("/data/mqtt_connected").asBoolean());
    }

    @AfterEach
    void stopBots() {
        runtime.bots().forEach(bot -> {
            runtime.stop(bot);
            runtime.remove(bot);
        });
    }

    @Test
    void aBotTheRuntimeRunsIsStartingThenNotReportingThenRunningOnceHeardThenExited() throws IOException {
        String bot = "quiet-20261206-020000";
        runtime.start(bot, instanceFolder(bot), Map.of(), BotResources.defaults());

        JsonNode listed = get("/bot-orchestration/status").json().at("/data/" + bot);
        assertThat(listed.isMissingNode()).as("a bot the runtime runs is listed before MQTT hears it").isFalse();
        assertThat(listed.at("/status").asString()).isEqualTo("starting");
        assertThat(listed.at("/source").asString()).isEqualTo("process");
        assertThat(listed.at("/runtime_state").asString()).isEqualTo("running");
        assertThat(listed.at("/recently_active").asBoolean()).isFalse();
        assertThat(listed.at("/performance").isObject()).isTrue();
        assertThat(listed.at("/error_logs").isArray()).isTrue();
        Answer one = get("/bot-orchestration/" + bot + "/status");
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.json().at("/data/status").asString()).isEqualTo("starting");

        // past the startup window without a word on MQTT; it stays so (no flapping back to starting)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> botStatus(bot).equals("not_reporting"));
        assertThat(get("/bot-orchestration/status").json().at("/data/" + bot + "/status").asString())
                .isEqualTo("not_reporting");

        try (FakeBot heard = new FakeBot(bot, BROKER.port())) {
            heard.reportPnl("pmm_btc_1", "1.5");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> botStatus(bot).equals("running"));
            JsonNode running = get("/bot-orchestration/status").json().at("/data/" + bot);
            assertThat(running.at("/source").asString()).isEqualTo("mqtt");
            assertThat(running.at("/runtime_state").asString()).isEqualTo("running");
            assertThat(running.at("/performance/pmm_btc_1/performance/realized_pnl_quote").decimalValue())
                    .isEqualByComparingTo("1.5");
        }
        runtime.stop(bot); // its bridge said offline; now its process ends too
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> botStatus(bot).equals("exited"));
        assertThat(get("/bot-orchestration/status").json().at("/data/" + bot + "/runtime_state").asString())
                .isEqualTo("exited");
    }

    @Test
    void aBotWhoseProcessDiedBeforeSayingAnythingIsExited() throws IOException {
        String bot = "crash-20261206-020000";
        runtime.start(bot, instanceFolder(bot), Map.of(), BotResources.defaults());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> botStatus(bot).equals("exited"));
        JsonNode listed = get("/bot-orchestration/status").json().at("/data/" + bot);
        assertThat(listed.at("/source").asString()).isEqualTo("process");
        assertThat(listed.at("/runtime_state").asString()).isEqualTo("exited");
        assertThat(get("/bot-orchestration/nobody-20261206-020000/status").status())
                .as("neither MQTT nor the runtime knows it").isEqualTo(404);
    }

    private static Path instanceFolder(String bot) throws IOException {
        return Files.createDirectories(BOTS_PATH.resolve("bots").resolve("instances").resolve(bot));
    }

    private String botStatus(String bot) {
        Answer a = get("/bot-orchestration/" + bot + "/status");
        return a.status() == 200 ? a.json().at("/data/status").asString() : "http " + a.status();
    }
}
