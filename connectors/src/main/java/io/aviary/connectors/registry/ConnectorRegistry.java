package io.aviary.connectors.registry;

import io.aviary.connectors.catalog.ConnectorCatalog;
import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.port.ConnectorFactory;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The connectors one process can use, by Hummingbot name: the factories, and the catalog derived
 * from their specs so the two can never disagree.
 */
public final class ConnectorRegistry {

    private final Map<String, ConnectorFactory> factories;
    private final ConnectorCatalog catalog;

    public ConnectorRegistry(Collection<? extends ConnectorFactory> factories) {
        Map<String, ConnectorFactory> byName = new TreeMap<>();
        for (ConnectorFactory factory : factories) {
            if (byName.put(factory.spec().name(), factory) != null) {
                throw new IllegalArgumentException("connector " + factory.spec().name() + " registered twice");
            }
        }
        this.factories = Map.copyOf(byName);
        this.catalog = new ConnectorCatalog(byName.values().stream().map(ConnectorFactory::spec).toList());
    }

    public ConnectorCatalog catalog() {
        return catalog;
    }

    public Optional<ConnectorFactory> find(String name) {
        return Optional.ofNullable(factories.get(name));
    }

    public Optional<ConnectorSpec> spec(String name) {
        return catalog.find(name);
    }
}
