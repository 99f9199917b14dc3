package io.aviary.connectors.catalog;

import io.aviary.connectors.model.OrderType;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every connector the platform can run, by Hummingbot name: the simulated venue (the offline
 * default) and the real exchanges of {@link io.aviary.connectors.venues.VenueConnectors}.
 */
public final class ConnectorCatalog {


    private final Map<String, ConnectorSpec> byName;

    public ConnectorCatalog(Collection<ConnectorSpec> specs) {
        Map<String, ConnectorSpec> sorted = new TreeMap<>();
        for (ConnectorSpec spec : specs) {
            if (sorted.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("connector " + spec.name() + " is listed twice");
            }
        }
        this.byName = Collections.unmodifiableMap(sorted);
    }

    public Optional<ConnectorSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<ConnectorSpec> all() {
        return byName.values();
    }
}
