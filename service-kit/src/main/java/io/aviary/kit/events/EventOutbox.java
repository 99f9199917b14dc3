package io.aviary.kit.events;

import io.aviary.common.events.DomainEvent;
import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to this service's outbox inside the caller's transaction, so the domain change
 * and its event commit or roll back together. Publishing is {@link OutboxRelay}'s job.
 */
public class EventOutbox {

    private final JdbcTemplate jdbc;
    private final EventJson json;
    private final String source;
    private final String topic;
    private final OutboxRelay relay;
    private final TraceParents traceParents;

    /** An outbox whose events carry no trace context. */
    public EventOutbox(JdbcTemplate jdbc, EventJson json, String source, String topic, OutboxRelay relay) {
        this(jdbc, json, source, topic, relay, TraceParents.none());
    }

    public EventOutbox(JdbcTemplate jdbc, EventJson json, String source, String topic, OutboxRelay relay,
            TraceParents traceParents) {
        this.traceParents = traceParents;
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.topic = topic;
        this.relay = relay;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope append(DomainEvent event) {
        EventEnvelope envelope = json.envelope(event, source);
        jdbc.update("INSERT INTO event_outbox (event_id, event_type, topic, event_key, envelope, trace_parent) "
                + "VALUES (?, ?, ?, ?, ?, ?)", envelope.id(), envelope.type(), topic, envelope.key(), json.write(envelope),
                traceParents.current().orElse(null));
        // Wake the relay once the row is visible rather than waiting for its next poll.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return envelope;
    }
}
