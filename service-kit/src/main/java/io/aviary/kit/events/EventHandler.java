package io.aviary.kit.events;

import io.aviary.common.events.DomainEvent;
import io.aviary.common.events.EventEnvelope;

/**
 * Reacts to one event type arriving through the inbox. Runs inside the inbox transaction, after
 * the event id was recorded, so a handler's database writes happen exactly once per event.
 */
public interface EventHandler<T extends DomainEvent> {

    Class<T> eventClass();

    void handle(T event, EventEnvelope envelope);

    /** A handler of {@code type} that runs {@code body}; what most handler beans are. */
    static <T extends DomainEvent> EventHandler<T> of(Class<T> type, java.util.function.BiConsumer<T, EventEnvelope> body) {
        return new EventHandler<>() {
            @Override
            public Class<T> eventClass() {
                return type;
            }

            @Override
            public void handle(T event, EventEnvelope envelope) {
                body.accept(event, envelope);
            }
        };
    }
}
