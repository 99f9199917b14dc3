package io.aviary.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.common.events.accounts.AccountCreated;
import io.aviary.common.events.accounts.AccountDeleted;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventJsonRoundTripTest {

    private static final Instant NOW = EventSamples.NOW;
    private final EventJson json = new EventJson(Clock.fixed(NOW, ZoneOffset.UTC));

    static List<DomainEvent> oneOfEachType() {
        return EventSamples.oneOfEachType();
    }

    @Test
    void everyRegisteredTypeIsCoveredHere() {
        assertThat(oneOfEachType()).extracting(e -> e.getClass().getSimpleName())
                .containsExactlyInAnyOrderElementsOf(EventCatalog.all().stream().map(EventType::name).toList());
    }

    @ParameterizedTest
    @MethodSource("oneOfEachType")
    void envelopeSurvivesTheWire(DomainEvent event) {
        EventEnvelope sent = json.envelope(event, "test-source");
        String wire = json.write(sent);
        EventEnvelope received = json.read(wire);

        assertThat(received).isEqualTo(sent);
        assertThat(json.payload(received)).contains(event);
        assertThat(received.key()).isEqualTo(event.aggregateKey());
        assertThat(wire).contains("\"occurredAt\":\"2026-11-23T12:00:00.250Z\"")
                .contains("\"type\":\"" + event.getClass().getSimpleName() + "\"");
    }

    @Test
    void bindingToTheWrongRecordIsRefused() {
        EventEnvelope created = json.envelope(new AccountCreated("a"), "s");
        assertThatThrownBy(() -> json.payload(created, AccountDeleted.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carries AccountCreated");
    }

    @Test
    void anUnknownTypeIsPassedOverNotFailed() {
        EventEnvelope foreign = new EventEnvelope(java.util.UUID.randomUUID(), "SomethingNewer", 1, NOW, "x", "k",
                json.mapper().createObjectNode());
        assertThat(json.payload(json.read(json.write(foreign)))).isEmpty();
    }
}
