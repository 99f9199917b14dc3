package io.aviary.simexchange.domain.exchange;

import io.aviary.simexchange.domain.event.VenueEvent;
import java.util.ArrayList;
import java.util.List;

/** Collects the events of one venue command, in the order they happened. */
public final class EventBuffer {

    private final List<VenueEvent> events = new ArrayList<>();

    public void add(VenueEvent event) {
        events.add(event);
    }

    public List<VenueEvent> events() {
        return events;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public List<VenueEvent> drain() {
        List<VenueEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }
}
