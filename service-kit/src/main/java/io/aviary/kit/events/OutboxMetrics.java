package io.aviary.kit.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code aviary_events_outbox_lag_seconds}: how long the oldest unpublished outbox row of this service's schema has
 * waited (0 when none waits), and {@code aviary_events_outbox_pending}: how many wait. A lag that grows means Kafka
 * is away or the relay is stuck; consumers see this service's changes that much later. Read at each scrape through
 * the pending-rows index; NaN while the database is away.
 */
public class OutboxMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    public OutboxMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("aviary.events.outbox.lag", this, OutboxMetrics::lagSeconds)
                .description("age of the oldest outbox row not yet published to Kafka")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("aviary.events.outbox.pending", this, OutboxMetrics::pending)
                .description("outbox rows not yet published to Kafka")
                .register(registry);
    }

    double lagSeconds() {
        try {
            List<Double> oldest = jdbc.queryForList("SELECT EXTRACT(EPOCH FROM now() - created_at)::float8 FROM event_outbox "
                    + "WHERE published_at IS NULL ORDER BY seq LIMIT 1", Double.class);
            return oldest.isEmpty() ? 0 : Math.max(0, oldest.getFirst());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    double pending() {
        try {
            Long count = jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE published_at IS NULL", Long.class);
            return count == null ? 0 : count;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
