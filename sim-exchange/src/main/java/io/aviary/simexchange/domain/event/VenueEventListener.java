package io.aviary.simexchange.domain.event;

import java.util.List;

/**
 * Receives the events of every command, in order, while the command's lane is still locked.
 * Implementations must not block (queue and return).
 */
@FunctionalInterface
public interface VenueEventListener {

    void onEvents(List<VenueEvent> events);
}
