package io.aviary.common.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The wire form of every domain event on Kafka: {@code {id, type, version, occurredAt, source, key, payload}}.
 *
 * <p>{@code id} is what consumers deduplicate on; {@code key} is the aggregate id and also the Kafka
 * record key, so all events of one aggregate land in one partition in order. The payload stays a
 * JSON tree here so a consumer can route on {@code type} before binding to a record class, and so an
 * envelope carrying a type this consumer does not know can still be passed over safely.
 */
public record EventEnvelope(
        UUID id, String type, int version, Instant occurredAt, String source, String key, JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }
}
