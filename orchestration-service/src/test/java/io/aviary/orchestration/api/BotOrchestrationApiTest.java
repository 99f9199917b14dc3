package io.aviary.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.bot.mqtt.HiveMqTestBroker;
import io.aviary.bot.mqtt.CommandRequest;
import io.aviary.orchestration.domain.BotControl;
import io.aviary.orchestration.mqtt.BotRpc;
import io.aviary.orchestration.mqtt.MqttHealthIndicator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MQTT side of {@code /bot-orchestration} against a real broker (HiveMQ CE) and the real bot's MQTT bridge
 * ({@link FakeBot}: the bot module's {@code BotMqttBridge} with stub commands): discovery with performance, RPC
 * (history, stop, start refused, timeout), liveness without flapping, the offline availability, performance
 * snapshots with their events, and a broker restart.
 */
@Import(MqttWiring.class)
class BotOrchestrationApiTest extends OrchestrationHttpTestBase {

    private static final HiveMqTestBroker BROKER = HiveMqTestBroker.onFreePort();
    private static final Duration LIVENESS = Duration.ofSeconds(6);

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
        registry.add("aviary.bots.liveness-window", () -> LIVENESS.toSeconds() + "s");
        registry.add("aviary.bots.command-timeout", () -> "10s");
        registry.add("BROKER_PERFORMANCE_DUMP_INTERVAL", () -> "1s");
    }

    @Autowired
    BotControl botControl;

    @Autowired
    MqttHealthIndicator mqttHealth;

    @Autowired
    BotRpc rpc;

    @BeforeEach
    void connected() {
        await().atMost(Duration.ofSeconds(30)).until(() -> mqtt().at("/data/mqtt_connected").asBoolean());
    }

    @Test
    void aRunningBotIsListedWithItsPerformanceWithinTenSecondsStaysRunningAndAnswersHistory() {
        try (FakeBot bot = new FakeBot("pmm_listed-20261206-010000", BROKER.port())) {
            bot.reportPnl("pmm_btc_1", "1.2345");
            Answer status = awaitRunning("pmm_listed-20261206-010000", Duration.ofSeconds(10));
            assertThat(status.json().at("/data/pmm_listed-20261206-010000/performance/pmm_btc_1/performance/"
                    + "realized_pnl_quote").decimalValue()).isEqualByComparingTo("1.2345");
            assertThat(status.json().at("/data/pmm_listed-20261206-010000/source").asString()).isEqualTo("mqtt");

            Answer one = get("/bot-orchestration/pmm_listed-20261206-010000/status");
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.json().at("/data/recently_active").asBoolean()).isTrue();
            assertThat(mqtt().at("/data/active_bots").toString()).contains("pmm_listed-20261206-010000");

            // heartbeats every second, window of six: polled for three seconds it never leaves "running"
            Instant until = Instant.now().plusSeconds(3);
            while (Instant.now().isBefore(until)) {
                assertThat(botStatus("pmm_listed-20261206-010000")).isEqualTo("running");
            }

            Answer history = get("/bot-orchestration/pmm_listed-20261206-010000/history?days=1&verbose=true");
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.json().at("/response/success").asBoolean()).isTrue();
            assertThat(history.json().at("/response/data/data/trades/0/trade_id").asString()).isEqualTo("t-1");
            CommandRequest.HistoryRequest sent = (CommandRequest.HistoryRequest) bot.requests.getLast();
            assertThat(sent.days()).isEqualByComparingTo("1");
            assertThat(sent.verbose()).isTrue();
            assertThat(sent.asyncBackend()).as("the sync path returns the trades").isFalse();
        }
    }

    @Test
    void anUnknownBotIsA404AndABadRequestA4xx() {
        Answer status = get("/bot-orchestration/nobody/status");
        assertThat(status.status()).isEqualTo(404);
        assertThat(status.json().get("detail").asString()).isEqualTo("Bot 'nobody' not found");
        assertThat(get("/bot-orchestration/nobody/history").status()).isEqualTo(404);
        assertThat(post("/bot-orchestration/stop-bot", "{\"bot_name\": \"nobody\"}").status()).isEqualTo(404);
        assertThat(post("/bot-orchestration/start-bot", "{\"bot_name\": \"nobody\"}").status()).isEqualTo(404);
        assertThat(post("/bot-orchestration/start-bot", "{}").status()).isEqualTo(422);
        Answer badName = post("/bot-orchestration/stop-bot", "{\"bot_name\": \"a/+/#\"}");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("detail").asString()).doesNotContain("a/+/#");
        assertThat(get("/bot-orchestration/nobody/history?timeout=0").status()).isEqualTo(400);
        assertThat(botControl.isAlive("nobody")).isFalse();
        assertThat(botControl.stop("nobody", false, Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void commandsGoOverRpcAndABotThatHangsOrLeavesIsAnsweredHonestly() {
        try (FakeBot bot = new FakeBot("pmm_stop-20261206-010000", BROKER.port())) {
            bot.reportPnl("pmm_btc_1", "2");
            awaitRunning("pmm_stop-20261206-010000", Duration.ofSeconds(10));

            assertThat(botControl.isAlive("pmm_stop-20261206-010000")).isTrue();
            assertThat(rpc.status("pmm_stop-20261206-010000", Duration.ofSeconds(5)).msg()).isEqualTo("running");
            assertThat(rpc.config("pmm_stop-20261206-010000", java.util.Map.of("kill_switch_enabled", true),
                    Duration.ofSeconds(5)).succeeded()).isTrue();
            assertThat(bot.requests).anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(
                    CommandRequest.ConfigRequest.class, c -> assertThat(c.params()).hasSize(1)));
            assertThat(botControl.stop("pmm_stop-20261206-010000", true, Duration.ofSeconds(5))).isTrue();
            assertThat(bot.requests).anySatisfy(r -> assertThat(r).isEqualTo(new CommandRequest.StopRequest(true,
                    false)));
            assertThat(botStatus("pmm_stop-20261206-010000")).as("the stopped strategy's performance is cleared")
                    .isEqualTo("stopped");

            Answer stop = post("/bot-orchestration/stop-bot", "{\"bot_name\": \"pmm_stop-20261206-010000\"}");
            assertThat(stop.status()).isEqualTo(200);
            assertThat(stop.json().at("/response/success").asBoolean()).isTrue();

            Answer refused = post("/bot-orchestration/start-bot", "{\"bot_name\": \"pmm_stop-20261206-010000\"}");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("Strategy already running");

            bot.answers = false;
            Answer hung = get("/bot-orchestration/pmm_stop-20261206-010000/history?timeout=1");
            assertThat(hung.status()).isEqualTo(504);
            assertThat(hung.json().get("detail").asString()).contains("within 1.0 seconds");
            bot.answers = true;

            bot.reportPnl("pmm_btc_1", "3");
            awaitRunning("pmm_stop-20261206-010000", Duration.ofSeconds(10));
            bot.close(); // says "offline": not live at once, not a liveness window later
            await().atMost(Duration.ofSeconds(2)).until(() -> !botControl.isAlive("pmm_stop-20261206-010000"));
            assertThat(botStatus("pmm_stop-20261206-010000")).isEqualTo("idle");
            Answer gone = get("/bot-orchestration/pmm_stop-20261206-010000/history");
            assertThat(gone.status()).isEqualTo(503);
            assertThat(gone.json().get("detail").asString()).contains("not live");
        }
    }

    @Test
    void aSilentBotIsNotRunningAfterTheWindowAndStaysSoWithoutFlapping() throws Exception {
        MqttClient silent = new MqttClient("tcp://127.0.0.1:" + BROKER.port(), "hbot.silent", new MemoryPersistence());
        silent.connect(new MqttConnectionOptions());
        try {
            publish(silent, "hbot/silent_bot/hb", "{\"ts\": 1}");
            publish(silent, "hbot/silent_bot/performance",
                    "{\"c1\": {\"performance\": {\"realized_pnl_quote\": 1.5, \"volume_traded\": 10.0}, \"custom_info\": {}}}");
            String error = "{\"timestamp\": 1735733000.123456, \"msg\": \"order failed\", \"level_no\": 40, "
                    + "\"level_name\": \"ERROR\", \"logger_name\": \"hummingbot.strategy\"}";
            publish(silent, "hbot/silent_bot/log", error);
            publish(silent, "hbot/silent_bot/log", error); // the same record twice is kept once
            publish(silent, "hbot/silent_bot/log", "{\"timestamp\": 1735733001.5, \"msg\": \"tick\", "
                    + "\"level_no\": 20, \"level_name\": \"INFO\", \"logger_name\": \"root\"}");
            awaitRunning("silent_bot", Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).until(() -> get("/bot-orchestration/silent_bot/status").json()
                    .at("/data/general_logs").size() == 1);
            Answer logs = get("/bot-orchestration/silent_bot/status");
            assertThat(logs.json().at("/data/error_logs").size()).isEqualTo(1);
            assertThat(logs.json().at("/data/error_logs/0/msg").asString()).isEqualTo("order failed");
            assertThat(logs.json().at("/data/general_logs/0/logger_name").asString()).isEqualTo("root");
            Instant lastMessage = Instant.now();
            await().atMost(LIVENESS.plusSeconds(4)).until(() -> botStatus("silent_bot").equals("idle"));
            assertThat(Duration.between(lastMessage, Instant.now())).isGreaterThan(LIVENESS.minusSeconds(1));
            Instant until = Instant.now().plusSeconds(3);
            while (Instant.now().isBefore(until)) {
                assertThat(botStatus("silent_bot")).as("idle, kept listed with its last performance").isEqualTo("idle");
            }
            assertThat(botControl.isAlive("silent_bot")).isFalse();
        } finally {
            silent.disconnect();
            silent.close();
        }
    }

    @Test
    void performanceIsSnapshottedWithAnEventAndServedAsLatestAndHistory() {
        try (FakeBot bot = new FakeBot("pmm_perf-20261206-010000", BROKER.port())) {
            bot.reportPnl("pmm_eth_1", "4.25");
            awaitRunning("pmm_perf-20261206-010000", Duration.ofSeconds(10));
            Answer latest = awaitPath("/bot-orchestration/controller-performance-latest?bot_name=pmm_perf-20261206-010000",
                    a -> a.json().at("/data").size() == 1);
            assertThat(latest.json().at("/data/0/controller_id").asString()).isEqualTo("pmm_eth_1");
            assertThat(latest.json().at("/data/0/status").asString()).isEqualTo("running");
            assertThat(latest.json().at("/data/0/performance/realized_pnl_quote").decimalValue())
                    .isEqualByComparingTo("4.25");
            assertThat(outboxEvents("pmm_perf-20261206-010000")).contains("BotPerformanceReported");

            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM orchestration.controller_performance_snapshots WHERE bot_name = ?",
                    Integer.class, "pmm_perf-20261206-010000") >= 2);
            Answer history = get("/bot-orchestration/controller-performance-history?bot_name=pmm_perf-20261206-010000"
                    + "&limit=1&interval=5m");
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.json().at("/data").size()).as("one sample per 5 minutes").isEqualTo(1);
            assertThat(history.json().at("/pagination/interval").asString()).isEqualTo("5m");
            assertThat(get("/bot-orchestration/controller-performance-history?interval=2m").status()).isEqualTo(400);
            assertThat(get("/bot-orchestration/controller-performance-history?start_time=yesterday").status())
                    .isEqualTo(400);
        }
    }

    @Test
    void afterABrokerRestartSubscriptionsAreRestoredAndCommandsWork() throws Exception {
        try (FakeBot bot = new FakeBot("pmm_restart-20261206-010000", BROKER.port())) {
            bot.reportPnl("pmm_btc_1", "1");
            awaitRunning("pmm_restart-20261206-010000", Duration.ofSeconds(10));

            BROKER.stop();
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> !mqtt().at("/data/mqtt_connected").asBoolean());
                assertThat(mqttHealth.health().getStatus().getCode()).isEqualTo("DEGRADED");
                Answer down = get("/bot-orchestration/pmm_restart-20261206-010000/history");
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.json().get("detail").asString()).contains("MQTT broker");
            } finally {
                BROKER.start();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> mqtt().at("/data/mqtt_connected").asBoolean());
            assertThat(mqttHealth.health().getStatus().getCode()).isEqualTo("UP");
            await().atMost(Duration.ofSeconds(30)).until(() -> bot.bridge.isConnected());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
                bot.reportPnl("pmm_btc_1", "7.5");
                return get("/bot-orchestration/pmm_restart-20261206-010000/status").json()
                        .at("/data/performance/pmm_btc_1/performance/realized_pnl_quote").asDouble() == 7.5;
            });
            assertThat(get("/bot-orchestration/pmm_restart-20261206-010000/history").status()).isEqualTo(200);
        }
    }

    private static void publish(MqttClient client, String topic, String json) throws Exception {
        client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 0, false);
    }

    private tools.jackson.databind.JsonNode mqtt() {
        return get("/bot-orchestration/mqtt").json();
    }

    private String botStatus(String bot) {
        Answer a = get("/bot-orchestration/" + bot + "/status");
        return a.status() == 200 ? a.json().at("/data/status").asString() : "http " + a.status();
    }

    private Answer awaitRunning(String bot, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> botStatus(bot).equals("running"));
        return get("/bot-orchestration/status");
    }
}
