package io.aviary.orchestration.mqtt;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * MQTT in the service's health: UP while connected and subscribed, DEGRADED otherwise. DEGRADED ranks below UP in
 * the aggregate (application.yml), because the service's REST API works without the broker; only bot status and
 * commands do not.
 */
@Component("mqtt")
public class MqttHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "MQTT broker not connected: bots cannot be watched");

    private final MqttBotClient client;

    public MqttHealthIndicator(MqttBotClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        BrokerSettings s = client.settings();
        Health.Builder health = client.isConnected() ? Health.up() : Health.status(DEGRADED)
                .withDetail("disconnectedSince", String.valueOf(client.disconnectedSince()));
        return health.withDetail("broker", s.host() + ":" + s.port()).build();
    }
}
