package io.aviary.kit.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event tables' gauges on {@code /actuator/prometheus}, read at each scrape and NaN while the database is away:
 * <ul>
 * <li>{@code aviary_events_outbox_lag_seconds}: how long the oldest unpublished outbox row of this service's schema
 * has waited (0 when none waits), and {@code aviary_events_outbox_pending}: how many wait. A lag that grows means
 * Kafka is away or the relay is stuck; consumers see this service's changes that much later. Read through the
 * pending-rows index.</li>
 * <li>{@code aviary_events_dead_letters}: how many events are parked, for alerting (health shows the same count but
 * stays UP, see {@link DeadLetterHealthIndicator}).</li>
 * </ul>
 */
public class EventMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;
    private final DeadLetters deadLetters;

    public EventMetrics(JdbcTemplate jdbc, DeadLetters deadLetters) {
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("aviary.events.outbox.lag", () -> whileTheDatabaseAnswers(this::outboxLagSeconds))
                .description("age of the oldest outbox row not yet published to Kafka")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("aviary.events.outbox.pending", () -> whileTheDatabaseAnswers(this::outboxPending))
                .description("outbox rows not yet published to Kafka")
                .register(registry);
        Gauge.builder("aviary.events.dead.letters", () -> whileTheDatabaseAnswers(() -> deadLetters.summary().count()))
                .description("events parked in event_dead_letter, waiting for a replay that succeeds")
                .register(registry);
    }

    private double outboxLagSeconds() {
        List<Double> oldest = jdbc.queryForList("SELECT EXTRACT(EPOCH FROM now() - created_at)::float8 FROM event_outbox "
                + "WHERE published_at IS NULL ORDER BY seq LIMIT 1", Double.class);
        return oldest.isEmpty() ? 0 : Math.max(0, oldest.getFirst());
    }

    private double outboxPending() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE published_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    /** A scrape while the database is away shows NaN (no value) rather than failing the whole scrape. */
    private static double whileTheDatabaseAnswers(DoubleSupplier read) {
        try {
            return read.getAsDouble();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
