package io.aviary.kit.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code aviary_events_dead_letters} on {@code /actuator/prometheus}: how many events are parked, for alerting
 * (health shows the same count but stays UP, see {@link DeadLetterHealthIndicator}). Read at each scrape; NaN
 * while the database is away.
 */
public class DeadLetterMetrics implements MeterBinder {

    private final DeadLetters deadLetters;

    public DeadLetterMetrics(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("aviary.events.dead.letters", deadLetters, DeadLetterMetrics::count)
                .description("events parked in event_dead_letter, waiting for a replay that succeeds")
                .register(registry);
    }

    private static double count(DeadLetters deadLetters) {
        try {
            return deadLetters.summary().count();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
