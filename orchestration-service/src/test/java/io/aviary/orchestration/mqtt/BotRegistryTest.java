package io.aviary.orchestration.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The registry's liveness rules on a controlled clock (the MQTT tests run them against a real broker). */
class BotRegistryTest {

    private final MutableClock clock = new MutableClock();
    private final BotRegistry registry = new BotRegistry(new BrokerSettings("localhost", 1883, null, null,
            Duration.ofSeconds(30), Duration.ofSeconds(300), Duration.ofSeconds(30), Duration.ofMinutes(5)), clock);

    @Test
    void aBotIsRunningWhileItSpeaksWithinTheWindowThenIdleThenForgotten() {
        registry.onMessage("b", "performance", json("{\"c1\": {\"performance\": {\"volume_traded\": 1}}}"));
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(10));
            registry.onMessage("b", "hb", json("{\"ts\": 1}"));
            assertThat(status("b")).isEqualTo(BotView.RUNNING);
        }
        clock.advance(Duration.ofSeconds(29));
        assertThat(status("b")).as("two heartbeats missed is not gone").isEqualTo(BotView.RUNNING);
        clock.advance(Duration.ofSeconds(2));
        assertThat(status("b")).isEqualTo(BotView.IDLE);
        assertThat(registry.bot("b").orElseThrow().performance()).containsKey("c1");
        clock.advance(Duration.ofSeconds(300));
        assertThat(registry.bot("b")).isEmpty();
    }

    @Test
    void botsAreMeteredByStatusWithoutTheirNames() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        new io.aviary.orchestration.app.BotMetrics(registry).bindTo(meters);
        registry.onMessage("alpha", "performance", json("{\"c1\": {\"performance\": {}}}"));
        registry.onMessage("beta", "performance", json("{\"c1\": {\"performance\": {}}}"));
        registry.onMessage("gamma", "hb", json("{\"ts\": 1}"));
        assertThat(gauge(meters, BotView.RUNNING)).isEqualTo(2.0);
        assertThat(gauge(meters, BotView.STOPPED)).as("no performance yet").isEqualTo(1.0);

        clock.advance(Duration.ofSeconds(20));
        registry.onMessage("alpha", "hb", json("{\"ts\": 2}"));
        clock.advance(Duration.ofSeconds(15)); // beta silent for 35 s: past the 30 s liveness window
        assertThat(gauge(meters, BotView.RUNNING)).isEqualTo(1.0);
        assertThat(gauge(meters, BotView.IDLE)).isEqualTo(1.0);
        assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags().toString())
                .doesNotContain("alpha", "beta", "gamma"));
    }

    private static double gauge(io.micrometer.core.instrument.MeterRegistry meters, String status) {
        return meters.get("aviary.bots").tag("status", status).gauge().value();
    }

    @Test
    void offlineEndsLivenessAtOnceAndOnlyOnlineOrLaterTrafficRevivesIt() {
        registry.onMessage("b", "performance", json("{\"c1\": {\"performance\": {}}}"));
        registry.onMessage("b", "status_updates", json("{\"type\": \"availability\", \"msg\": \"offline\"}"));
        assertThat(registry.isLive("b")).isFalse();
        clock.advance(Duration.ofMillis(500));
        registry.onMessage("b", "hb", json("{\"ts\": 1}"));
        assertThat(registry.isLive("b")).as("a heartbeat in flight before the offline").isFalse();
        clock.advance(Duration.ofSeconds(3));
        registry.onMessage("b", "hb", json("{\"ts\": 2}"));
        assertThat(registry.isLive("b")).as("back, its online missed").isTrue();

        registry.onMessage("b", "status_updates", json("{\"type\": \"availability\", \"msg\": \"offline\"}"));
        registry.onMessage("b", "status_updates", json("{\"type\": \"availability\", \"msg\": \"online\"}"));
        assertThat(registry.isLive("b")).isTrue();
        assertThat(registry.bot("b").orElseThrow().availability()).isEqualTo("online");
    }

    @Test
    void logsAreSplitByLevelBoundedAndDeduplicated() {
        for (int i = 0; i < 150; i++) {
            registry.onMessage("b", "log", json("{\"timestamp\": " + (1000 + i) + ".5, \"msg\": \"m" + i
                    + "\", \"level_name\": \"INFO\"}"));
        }
        registry.onMessage("b", "log", json("{\"timestamp\": 5.5, \"msg\": \"boom\", \"level_name\": \"ERROR\"}"));
        registry.onMessage("b", "log", json("{\"timestamp\": 5.5, \"msg\": \"boom\", \"level_name\": \"ERROR\"}"));
        BotView view = registry.bot("b").orElseThrow();
        assertThat(view.generalLogs()).hasSize(BotRegistry.LOG_CAPACITY);
        assertThat(view.generalLogs().getFirst().get("msg").asString()).isEqualTo("m50");
        assertThat(view.errorLogs()).hasSize(1);
        assertThat(view.status()).as("no performance").isEqualTo(BotView.STOPPED);
    }

    private String status(String bot) {
        return registry.bot(bot).map(BotView::status).orElse("gone");
    }

    private static JsonNode json(String text) {
        return WireJson.read(text);
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-12-06T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
