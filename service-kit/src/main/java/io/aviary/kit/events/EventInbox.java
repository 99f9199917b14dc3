package io.aviary.kit.events;

import io.aviary.common.events.DomainEvent;
import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.EventJson;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives events from Kafka and hands each one, once, to the handlers for its type. The event id
 * is inserted into {@code event_inbox} in the same transaction as the handlers' work; a
 * redelivered id finds its row and is skipped. Envelopes that cannot be parsed are logged and
 * passed over (they can never succeed); handler failures roll back and are retried by the
 * listener container's error handler.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EventJson json;
    private final List<EventHandler<?>> handlers;

    public EventInbox(JdbcTemplate jdbc, TransactionTemplate tx, EventJson json, List<EventHandler<?>> handlers) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.handlers = List.copyOf(handlers);
    }

    public void receive(ConsumerRecord<String, String> record) {
        EventEnvelope envelope;
        try {
            envelope = json.read(record.value());
        } catch (RuntimeException e) {
            log.error("Skipping unreadable event at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getClass().getSimpleName());
            return;
        }
        tx.executeWithoutResult(status -> {
            if (firstDelivery(envelope)) {
                dispatch(envelope);
            }
        });
    }

    private boolean firstDelivery(EventEnvelope envelope) {
        return jdbc.update("INSERT INTO event_inbox (event_id, event_type, source) VALUES (?, ?, ?) "
                + "ON CONFLICT (event_id) DO NOTHING", envelope.id(), envelope.type(), envelope.source()) == 1;
    }

    private void dispatch(EventEnvelope envelope) {
        Optional<DomainEvent> event = json.payload(envelope);
        if (event.isEmpty()) {
            log.debug("No contract for event type {} in this build; recorded and passed over", envelope.type());
            return;
        }
        for (EventHandler<?> handler : handlers) {
            deliver(handler, event.get(), envelope);
        }
    }

    private static <T extends DomainEvent> void deliver(EventHandler<T> handler, DomainEvent event, EventEnvelope envelope) {
        if (handler.eventClass().isInstance(event)) {
            handler.handle(handler.eventClass().cast(event), envelope);
        }
    }
}
