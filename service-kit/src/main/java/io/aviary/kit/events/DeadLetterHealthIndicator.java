package io.aviary.kit.events;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;

/**
 * Shows parked events in {@code /actuator/health} ({@code count}, {@code oldestSeconds}). The status stays UP
 * while events are parked: the service still serves its API and handles every other event, and a restart (what
 * an orchestrator does with a DOWN instance) cannot fix a handler that fails on one event. Operators alert on
 * the count instead; the log has one line per parked event.
 */
public class DeadLetterHealthIndicator implements HealthIndicator {

    private final DeadLetters deadLetters;

    public DeadLetterHealthIndicator(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        DeadLetters.Summary summary;
        try {
            summary = deadLetters.summary();
        } catch (DataAccessException e) {
            // thrown out of here it would fail the whole health endpoint instead of letting the db indicator say DOWN
            return Health.unknown().withDetail("reason", "database unavailable").build();
        }
        return Health.up()
                .withDetail("count", summary.count())
                .withDetail("oldestSeconds", summary.oldestAge().toSeconds())
                .build();
    }
}
