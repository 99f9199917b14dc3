package io.aviary.common.events;

/**
 * A fact one service publishes for others. Implementations are immutable records registered in
 * {@link EventCatalog}; their component names are the payload's JSON field names and are a
 * contract (see the compatibility test in this module).
 */
public interface DomainEvent {

    /** The aggregate this event is about; becomes the envelope key and the Kafka record key. */
    String aggregateKey();
}
