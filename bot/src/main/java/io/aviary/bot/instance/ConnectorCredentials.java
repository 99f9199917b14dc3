package io.aviary.bot.instance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The decrypted credential fields of each connector the controllers trade on that needs credentials (Hummingbot
 * field names, e.g. {@code sim_api_key}), ready for a connector session. Never printed: {@link #toString()} names
 * connectors and field counts only.
 */
public record ConnectorCredentials(Map<String, Map<String, String>> byConnector) {

    public ConnectorCredentials {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byConnector.forEach((connector, fields) -> copy.put(connector,
                Collections.unmodifiableMap(new LinkedHashMap<>(fields))));
        byConnector = Collections.unmodifiableMap(copy);
    }

    public static ConnectorCredentials none() {
        return new ConnectorCredentials(Map.of());
    }

    /** The fields for {@code connector}; empty for a connector that needs none (paper trading). */
    public Optional<Map<String, String>> of(String connector) {
        return Optional.ofNullable(byConnector.get(connector));
    }

    @Override
    public String toString() {
        return byConnector.entrySet().stream()
                .map(entry -> entry.getKey() + "=<" + entry.getValue().size() + " fields hidden>")
                .collect(Collectors.joining(", ", "ConnectorCredentials[", "]"));
    }
}
