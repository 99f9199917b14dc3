package io.aviary.simexchange.app;

import java.util.List;

/** Where durable records go: {@link io.aviary.simexchange.domain.event.VenueEvent.Private} events and {@link ApiKeyRecord}s. */
@FunctionalInterface
public interface Journal {

    void record(List<?> records);

    Journal NONE = records -> { };
}
