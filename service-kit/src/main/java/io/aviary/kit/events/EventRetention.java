package io.aviary.kit.events;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prunes the event tables after the retention period ({@code AVIARY_EVENT_RETENTION}): outbox rows published
 * longer ago (rows not yet published are never pruned) and inbox ids received longer ago. Each statement deletes
 * at most one batch, oldest first through an index, in its own short transaction, so neither the relay nor the
 * inbox waits on a long lock.
 *
 * <p>Why the inbox retention must be at least the retention of every topic the service consumes: exactly-once
 * rests on the inbox row of an event id. As long as Kafka can still deliver an event again (a consumer group
 * reset or re-created, offsets expired, a rebalance after an uncommitted offset, a producer's re-send), its id must
 * still be in {@code event_inbox}, or the copy would be handled a second time. Kafka keeps a record for the topic's
 * {@code retention.ms} (7 days by default), so the inbox must keep ids at least that long. Pruning the outbox has
 * no such rule: only published rows go, and the relay never reads them again.
 */
public class EventRetention {

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final int batch;

    public EventRetention(JdbcTemplate jdbc, Duration retention, int batch) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.batch = batch;
    }

    /** What one run removed. */
    public record Pruned(int outboxRows, int inboxIds) {
    }

    /** Deletes batch after batch until nothing older than the retention is left; returns the totals. */
    public Pruned pruneAll() {
        return new Pruned(untilDone("""
                DELETE FROM event_outbox WHERE seq IN (SELECT seq FROM event_outbox
                    WHERE published_at < now() - make_interval(secs => ?) ORDER BY published_at LIMIT ?)"""),
                untilDone("""
                DELETE FROM event_inbox WHERE event_id IN (SELECT event_id FROM event_inbox
                    WHERE received_at < now() - make_interval(secs => ?) ORDER BY received_at LIMIT ?)"""));
    }

    private int untilDone(String deleteOneBatch) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(deleteOneBatch, (double) retention.toSeconds(), batch);
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
