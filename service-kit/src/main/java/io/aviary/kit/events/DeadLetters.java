package io.aviary.kit.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code event_dead_letter} table: events parked by the inbox, waiting for a replay that succeeds. */
public class DeadLetters {

    /** Longest error message stored; messages of driver exceptions can quote whole statements. */
    static final int MAX_MESSAGE = 500;

    private final JdbcTemplate jdbc;

    public DeadLetters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One parked event.
     *
     * @param eventId   its id, empty when the envelope could not be read
     * @param envelope  the record value as received
     */
    public record Parked(long id, Optional<UUID> eventId, Optional<String> eventType, String topic, int partition,
            long offset, String envelope, String errorClass, int attempts, Instant firstFailedAt, Instant lastFailedAt) {
    }

    /** What the health endpoint shows: how many are parked and how long the oldest has waited. */
    public record Summary(long count, Duration oldestAge) {
    }

    /** Parks an event; false when it is parked already (the same offset redelivered, or the same id re-sent). */
    boolean park(Failure failure) {
        return jdbc.update("""
                INSERT INTO event_dead_letter (event_id, event_type, topic, kafka_partition, kafka_offset, envelope,
                    error_class, error_message, attempts, first_failed_at, last_failed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT DO NOTHING""",
                failure.eventId(), failure.eventType(), failure.topic(), failure.partition(), failure.offset(),
                failure.envelope(), failure.error().getClass().getName(), boundedMessage(failure.error()),
                failure.attempts(), Timestamp.from(failure.firstFailedAt())) == 1;
    }

    /** Ids of parked events after {@code afterId}, oldest first. */
    List<Long> idsAfter(long afterId, int limit) {
        return jdbc.queryForList("SELECT id FROM event_dead_letter WHERE id > ? ORDER BY id LIMIT ?", Long.class,
                afterId, limit);
    }

    /** Locks one parked event for a replay in the caller's transaction; empty when gone or taken by another instance. */
    Optional<Parked> lock(long id) {
        return jdbc.query("""
                SELECT id, event_id, event_type, topic, kafka_partition, kafka_offset, envelope, error_class, attempts,
                    first_failed_at, last_failed_at
                FROM event_dead_letter WHERE id = ? FOR UPDATE SKIP LOCKED""", DeadLetters::parked, id).stream().findFirst();
    }

    void delete(long id) {
        jdbc.update("DELETE FROM event_dead_letter WHERE id = ?", id);
    }

    void recordFailedReplay(long id, Throwable error) {
        jdbc.update("""
                UPDATE event_dead_letter SET attempts = attempts + 1, last_failed_at = now(), error_class = ?,
                    error_message = ? WHERE id = ?""", error.getClass().getName(), boundedMessage(error), id);
    }

    public List<Parked> all() {
        return jdbc.query("""
                SELECT id, event_id, event_type, topic, kafka_partition, kafka_offset, envelope, error_class, attempts,
                    first_failed_at, last_failed_at
                FROM event_dead_letter ORDER BY id""", DeadLetters::parked);
    }

    public Summary summary() {
        return jdbc.queryForObject("""
                SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(first_failed_at)), 0)::bigint
                FROM event_dead_letter""", (rs, i) -> new Summary(rs.getLong(1), Duration.ofSeconds(rs.getLong(2))));
    }

    private static Parked parked(ResultSet rs, int row) throws SQLException {
        return new Parked(rs.getLong("id"), Optional.ofNullable(rs.getObject("event_id", UUID.class)),
                Optional.ofNullable(rs.getString("event_type")), rs.getString("topic"), rs.getInt("kafka_partition"),
                rs.getLong("kafka_offset"), rs.getString("envelope"), rs.getString("error_class"), rs.getInt("attempts"),
                rs.getTimestamp("first_failed_at").toInstant(), rs.getTimestamp("last_failed_at").toInstant());
    }

    /** The root cause's message, cut to {@value #MAX_MESSAGE} characters. Stored, never logged. */
    static String boundedMessage(Throwable error) {
        Throwable root = InboxFailures.root(error);
        String message = root.getMessage() == null ? root.getClass().getName() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }

    /** A failure to park: where the record was, what it held, why and how often its handling failed. */
    record Failure(UUID eventId, String eventType, String topic, int partition, long offset, String envelope,
            Throwable error, int attempts, Instant firstFailedAt) {
    }
}
