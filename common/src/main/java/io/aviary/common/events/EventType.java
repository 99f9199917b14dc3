package io.aviary.common.events;

/** One registered event: its wire name, its contract version and the record that carries its payload. */
public record EventType(String name, int version, Class<? extends DomainEvent> payloadClass) {
}
