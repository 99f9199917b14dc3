package io.aviary.connectors.venues.support;

import io.aviary.connectors.port.VenueException;
import java.util.Map;

/** Reads the config-map fields of a connector; a missing field is an authentication failure. */
public final class Credentials {

    private Credentials() {
    }

    public static String required(String connector, Map<String, String> credentials, String field) {
        String value = credentials == null ? null : credentials.get(field);
        if (value == null || value.isBlank()) {
            throw new VenueException.AuthenticationFailed(connector, "missing credential field " + field);
        }
        return value.trim();
    }

    public static String optional(Map<String, String> credentials, String field, String fallback) {
        String value = credentials == null ? null : credentials.get(field);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
