package io.aviary.kit.events;

import io.aviary.common.events.DomainEvent;
import io.aviary.common.events.EventCatalog;
import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.EventJson;
import io.aviary.common.events.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives events from Kafka and hands each one, once, to the handlers for its type. The event id
 * is inserted into {@code event_inbox} in the same transaction as the handlers' work; a
 * redelivered id finds its row and is skipped. An event no handler takes (an unknown type, or one this service only
 * publishes) is passed over without touching the database.
 *
 * <p>No event is ever skipped. A failure that is transient ({@link InboxFailures}: this service's database is
 * unreachable, a timeout, a deadlock) is thrown back to the listener container, which retries the same record
 * with capped exponential back-off for as long as it takes, holding the partition in order. Any other failure is
 * retried {@code handlerAttempts} times, then the event is parked in {@code event_dead_letter} (one log line,
 * without the payload) and the partition moves on; {@link DeadLetterReplay} tries it again later. An envelope
 * that cannot be read is parked at once. If parking itself fails, the record is retried like any other.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EventJson json;
    private final List<EventHandler<?>> handlers;
    private final DeadLetters deadLetters;
    private final int handlerAttempts;
    /** Per known event type: whether any handler takes it (at most one entry per type in the catalog). */
    private final Map<String, Boolean> handledTypes = new ConcurrentHashMap<>();
    /** The record each partition is failing on, with its count; one entry per partition at most. */
    private final Map<TopicPartition, FailingRecord> failing = new ConcurrentHashMap<>();
    /** {@code aviary_events_inbox_retries_total{reason}}: deliveries thrown back for another try. */
    private final Counter transientRetries;
    private final Counter handlerRetries;
    /** {@code aviary_events_inbox_parked_total}: events moved to event_dead_letter by this replica. */
    private final Counter parkedEvents;

    /** An inbox whose meters nobody reads (tests of its behaviour). */
    public EventInbox(JdbcTemplate jdbc, TransactionTemplate tx, EventJson json, List<EventHandler<?>> handlers,
            DeadLetters deadLetters, int handlerAttempts) {
        this(jdbc, tx, json, handlers, deadLetters, handlerAttempts, new SimpleMeterRegistry());
    }

    public EventInbox(JdbcTemplate jdbc, TransactionTemplate tx, EventJson json, List<EventHandler<?>> handlers,
            DeadLetters deadLetters, int handlerAttempts, MeterRegistry meters) {
        this.transientRetries = retries(meters, "transient");
        this.handlerRetries = retries(meters, "handler");
        this.parkedEvents = Counter.builder("aviary.events.inbox.parked")
                .description("events parked in event_dead_letter after their attempts").register(meters);
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.handlers = List.copyOf(handlers);
        this.deadLetters = deadLetters;
        this.handlerAttempts = handlerAttempts;
    }

    public void receive(ConsumerRecord<String, String> record) {
        EventEnvelope envelope;
        try {
            envelope = json.read(record.value());
        } catch (RuntimeException e) {
            park(record, null, e, 1, Instant.now());
            return;
        }
        if (!anyHandlerTakes(envelope.type())) {
            // A service's own events come back on its topic, and topics carry types for other consumers: no handler
            // means no effect, so no transaction and no inbox row (they cost trading-service ~11 % of its CPU per order).
            failing.remove(partition(record));
            return;
        }
        try {
            tx.executeWithoutResult(status -> applyOnce(envelope));
            failing.remove(partition(record));
        } catch (RuntimeException e) {
            if (InboxFailures.isTransient(e)) {
                log.warn("Event {} ({}) at {}-{}@{} not handled yet, the database is unavailable ({}); retrying",
                        envelope.id(), envelope.type(), record.topic(), record.partition(), record.offset(),
                        InboxFailures.describe(e));
                transientRetries.increment();
                throw e;
            }
            FailingRecord attempt = failing.compute(partition(record), (p, previous) -> previous == null
                    || previous.offset() != record.offset() ? new FailingRecord(record.offset(), 1, Instant.now())
                    : previous.next());
            if (attempt.attempts() < handlerAttempts) {
                log.warn("Event {} ({}) at {}-{}@{} failed (attempt {} of {}): {}", envelope.id(), envelope.type(),
                        record.topic(), record.partition(), record.offset(), attempt.attempts(), handlerAttempts,
                        InboxFailures.describe(e));
                handlerRetries.increment();
                throw e;
            }
            park(record, envelope, e, attempt.attempts(), attempt.firstFailedAt());
        }
    }

    /**
     * Records the event id and runs the handlers, in the caller's transaction; does nothing when the id was
     * recorded before. The one path by which an event takes effect, for deliveries and replays alike.
     */
    void applyOnce(EventEnvelope envelope) {
        if (firstDelivery(envelope)) {
            dispatch(envelope);
        }
    }

    /** Parks the record (or throws, so the container retries it) and forgets its failure count. */
    private void park(ConsumerRecord<String, String> record, EventEnvelope envelope, RuntimeException error,
            int attempts, Instant firstFailedAt) {
        boolean parked = deadLetters.park(new DeadLetters.Failure(envelope == null ? null : envelope.id(),
                envelope == null ? null : envelope.type(), record.topic(), record.partition(), record.offset(),
                record.value(), error, attempts, firstFailedAt));
        failing.remove(partition(record));
        if (parked) {
            parkedEvents.increment();
            log.error("Parked event {} ({}) from {}-{}@{} in event_dead_letter after {} attempt(s): {}; it is replayed "
                            + "periodically", envelope == null ? "with an unreadable envelope" : envelope.id(),
                    envelope == null ? "unknown type" : envelope.type(), record.topic(), record.partition(),
                    record.offset(), attempts, InboxFailures.describe(error));
        }
    }

    /** False for a type this build does not know (no contract) and for a known one no handler takes. */
    private boolean anyHandlerTakes(String type) {
        Optional<EventType> known = EventCatalog.byName(type);
        if (known.isEmpty()) {
            return false;
        }
        return handledTypes.computeIfAbsent(type, t -> handlers.stream()
                .anyMatch(handler -> handler.eventClass().isAssignableFrom(known.get().payloadClass())));
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

    private static Counter retries(MeterRegistry meters, String reason) {
        return Counter.builder("aviary.events.inbox.retries")
                .description("inbox deliveries thrown back to be retried; reason transient (database away) or handler")
                .tag("reason", reason).register(meters);
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    private record FailingRecord(long offset, int attempts, Instant firstFailedAt) {
        FailingRecord next() {
            return new FailingRecord(offset, attempts + 1, firstFailedAt);
        }
    }
}
