package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.common.events.Topics;
import io.aviary.devstack.RunningSuite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14's MQTT path through the gateway, on the suite's embedded broker: a bot speaking Hummingbot's protocol
 * (heartbeat, performance, the history RPC; a plain Paho client here) appears in {@code /bot-orchestration/status}
 * with its performance within 10 s, answers {@code history}, and its performance reaches Kafka as
 * {@code BotPerformanceReported}. Needs orchestration-service and the gateway only.
 */
class BotTelemetryThroughGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOT = "sys_pmm-20261206-010000";
    private static RunningSuite suite;
    private static Http api;
    private static MqttClient bot;
    private static ScheduledExecutorService telemetry;

    @BeforeAll
    static void startSuiteAndBot() throws MqttException {
        suite = RunningSuite.startSeparate("bot-telemetry", Map.of("BROKER_PERFORMANCE_DUMP_INTERVAL", "2s"),
                List.of("orchestration-service", "gateway"));
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        bot = new MqttClient("tcp://" + suite.mqttHost() + ":" + suite.mqttPort(), "hbot." + BOT,
                new MemoryPersistence());
        bot.connect(new MqttConnectionOptions());
        telemetry = Executors.newSingleThreadScheduledExecutor();
        bot.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                String replyTo = JSON.readTree(message.getPayload()).at("/header/reply_to").asString();
                // not on Paho's callback thread: a QoS 1 publish there waits for an ack that thread must read
                telemetry.execute(() -> publish(replyTo, "{\"header\": {\"reply_to\": \"\", \"timestamp\": 1, "
                        + "\"content_type\": \"json\", \"encoding\": \"utf8\", \"agent\": \"commlib\"}, \"data\": "
                        + "{\"status\": 200, \"msg\": \"\", \"trades\": [{\"trade_id\": \"t-9\", \"price\": \"94012.1\"}]}}"));
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        bot.subscribe("hbot/" + BOT + "/history", 1);
        publish("hbot/" + BOT + "/status_updates", "{\"timestamp\": 1, \"type\": \"availability\", \"msg\": \"online\"}");
        telemetry.scheduleAtFixedRate(() -> {
            publish("hbot/" + BOT + "/hb", "{\"ts\": 1}");
            publish("hbot/" + BOT + "/performance", "{\"pmm_btc_1\": {\"performance\": {\"realized_pnl_quote\": 1.25, "
                    + "\"global_pnl_quote\": 1.5, \"volume_traded\": 125.9}, \"custom_info\": {}}}");
        }, 0, 1, TimeUnit.SECONDS);
    }

    private static void publish(String topic, String json) {
        try {
            bot.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws MqttException {
        if (telemetry != null) {
            telemetry.shutdownNow();
        }
        if (bot != null) {
            bot.disconnect();
            bot.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aBotOnMqttIsListedWithPerformanceAnswersHistoryAndReachesKafka() throws InterruptedException {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Http.Response status = api.get("/bot-orchestration/status");
            return status.status() == 200 && "running".equals(JSON.readTree(status.body()).at("/data/" + BOT + "/status")
                    .asString(""));
        });
        JsonNode status = JSON.readTree(api.get("/bot-orchestration/status").body());
        assertThat(status.at("/data/" + BOT + "/performance/pmm_btc_1/performance/realized_pnl_quote").asDouble())
                .isEqualTo(1.25);

        Http.Response history = api.get("/bot-orchestration/" + BOT + "/history?days=1");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(JSON.readTree(history.body()).at("/response/data/data/trades/0/trade_id").asString())
                .isEqualTo("t-9");

        Http.Response unknown = api.get("/bot-orchestration/nobody/status");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("detail");

        TopicReader.awaitEnvelopes(suite.kafkaBootstrap(), Topics.ORCHESTRATION,
                e -> e.type().equals("BotPerformanceReported") && e.key().equals(BOT)
                        && e.payload().get("realizedPnlQuote").decimalValue().compareTo(new java.math.BigDecimal("1.25")) == 0,
                Duration.ofSeconds(20));
        Http.Response latest = api.get("/bot-orchestration/controller-performance-latest?bot_name=" + BOT);
        assertThat(latest.status()).isEqualTo(200);
        assertThat(JSON.readTree(latest.body()).at("/data/0/controller_id").asString()).isEqualTo("pmm_btc_1");
    }
}
