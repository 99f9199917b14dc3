package io.aviary.connectors.catalog;

import io.aviary.connectors.model.OrderType;

import java.util.List;
import java.util.Set;

/**
 * What the platform knows about one connector before talking to it: its Hummingbot name, the
 * credential fields a user must supply (the {@code config-map}), which of them are secret, the
 * order types it accepts and whether it trades perpetual contracts.
 */
public record ConnectorSpec(
        String name, List<String> configFields, Set<String> secretFields, Set<OrderType> orderTypes, boolean perpetual) {

    public ConnectorSpec {
        configFields = List.copyOf(configFields);
        secretFields = Set.copyOf(secretFields);
        orderTypes = Set.copyOf(orderTypes);
        if (!configFields.containsAll(secretFields)) {
            throw new IllegalArgumentException("secret fields of " + name + " must be config fields");
        }
    }

    /** The usual exchange credential: {@code <name>_api_key} and {@code <name>_api_secret}, both secret. */
    public static ConnectorSpec apiKeyAndSecret(String name, Set<OrderType> orderTypes, boolean perpetual) {
        List<String> fields = List.of(name + "_api_key", name + "_api_secret");
        return new ConnectorSpec(name, fields, Set.copyOf(fields), orderTypes, perpetual);
    }

    public boolean requiresCredentials() {
        return !configFields.isEmpty();
    }
}
