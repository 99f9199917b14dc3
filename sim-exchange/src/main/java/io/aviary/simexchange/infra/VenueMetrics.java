package io.aviary.simexchange.infra;

import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.event.VenueEventListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus counters of what the venue does ({@code sim_exchange_events_total{venue,type}}):
 * trades printed, book diffs, order updates, fills, funding payments, liquidations.
 */
public final class VenueMetrics implements VenueEventListener {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public VenueMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvents(List<VenueEvent> events) {
        for (VenueEvent e : events) {
            String type = e.getClass().getSimpleName();
            String venue = e.venue().path();
            counters.computeIfAbsent(venue + ":" + type, k -> Counter.builder("sim.exchange.events")
                    .description("venue events by kind").tag("venue", venue).tag("type", type)
                    .register(registry)).increment();
        }
    }
}
