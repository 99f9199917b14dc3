package io.aviary.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.orchestration.mqtt.MqttHealthIndicator;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A broker that is down when the service starts: the service starts anyway, degraded, and says so. */
@Import(MqttWiring.class)
class BrokerDownStartTest extends OrchestrationHttpTestBase {

    @DynamicPropertySource
    static void noBroker(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        registry.add("BROKER_HOST", () -> "127.0.0.1");
        registry.add("BROKER_PORT", () -> closedPort);
    }

    @Autowired
    MqttHealthIndicator mqttHealth;

    @Test
    void theServiceStartsDegradedAndCommandsNameTheBroker() {
        Answer mqtt = get("/bot-orchestration/mqtt");
        assertThat(mqtt.status()).isEqualTo(200);
        assertThat(mqtt.json().at("/data/mqtt_connected").asBoolean()).isFalse();
        assertThat(mqtt.json().at("/data/client_state").asString()).isEqualTo("disconnected");
        assertThat(mqttHealth.health().getStatus().getCode()).isEqualTo("DEGRADED");
        Answer status = get("/bot-orchestration/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().at("/data").size()).isZero();
        assertThat(get("/controllers/").status()).as("the rest of the API works").isEqualTo(200);
        Answer health = get("/actuator/health");
        assertThat(health.status()).as("DEGRADED ranks below UP: the service is not reported down").isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }
}
