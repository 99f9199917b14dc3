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

    private static final Set<OrderType> ALL_ORDER_TYPES = Set.of(OrderType.LIMIT, OrderType.MARKET, OrderType.LIMIT_MAKER);

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

    /** The connectors this build ships. */
    public static ConnectorCatalog standard() {
        java.util.List<ConnectorSpec> specs = new java.util.ArrayList<>(java.util.List.of(
                ConnectorSpec.apiKeyAndSecret("sim", ALL_ORDER_TYPES, false),
                ConnectorSpec.apiKeyAndSecret("sim_perpetual", ALL_ORDER_TYPES, true)));
        specs.addAll(io.aviary.connectors.venues.VenueConnectors.specs());
        return new ConnectorCatalog(specs);
    }

    public Optional<ConnectorSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<ConnectorSpec> all() {
        return byName.values();
    }
}
