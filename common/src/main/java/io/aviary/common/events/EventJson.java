package io.aviary.common.events;

import java.time.Clock;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON mapping of envelopes and payloads, shared so every producer and consumer agrees on the wire
 * form: ISO-8601 instants, decimals as JSON numbers, unknown payload fields ignored (a newer
 * producer may add fields; removing or renaming is what the contract test forbids).
 */
public final class EventJson {

    private final JsonMapper mapper;
    private final Clock clock;

    public EventJson() {
        this(Clock.systemUTC());
    }

    public EventJson(Clock clock) {
        this.clock = clock;
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** Wraps a payload into a fresh envelope (new id, now) from {@code source}. */
    public EventEnvelope envelope(DomainEvent event, String source) {
        EventType type = EventCatalog.of(event.getClass());
        // Through text, not valueToTree: the envelope then holds exactly the tree a consumer reads
        // (a BigDecimal 0 becomes an int node on the wire, and the two trees would not be equal).
        JsonNode payload = mapper.readTree(mapper.writeValueAsString(event));
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), clock.instant(), source,
                event.aggregateKey(), payload);
    }

    public String write(EventEnvelope envelope) {
        return mapper.writeValueAsString(envelope);
    }

    public EventEnvelope read(String json) {
        return mapper.readValue(json, EventEnvelope.class);
    }

    public <T extends DomainEvent> T payload(EventEnvelope envelope, Class<T> payloadClass) {
        EventType expected = EventCatalog.of(payloadClass);
        if (!expected.name().equals(envelope.type())) {
            throw new IllegalArgumentException(
                    "envelope " + envelope.id() + " carries " + envelope.type() + ", not " + expected.name());
        }
        return mapper.treeToValue(envelope.payload(), payloadClass);
    }

    /** The payload bound to its registered record class; empty for a type this build does not know. */
    public java.util.Optional<DomainEvent> payload(EventEnvelope envelope) {
        return EventCatalog.byName(envelope.type())
                .map(type -> mapper.treeToValue(envelope.payload(), type.payloadClass()));
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
