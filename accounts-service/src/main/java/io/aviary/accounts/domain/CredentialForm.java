package io.aviary.accounts.domain;

import io.aviary.connectors.catalog.ConnectorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The credential fields a user submitted, checked against the connector's config-map: every
 * field present and non-blank, nothing else. The problem text names fields, never values.
 */
public final class CredentialForm {

    private CredentialForm() {
    }

    /**
     * @param submitted field name → value as sent (non-string values are refused)
     * @return the values in config-map order
     * @throws InvalidCredentialException naming what to fix
     */
    public static Map<String, String> validate(ConnectorSpec connector, Map<String, Object> submitted) {
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>(submitted.keySet());
        connector.configFields().forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            problems.add("unknown fields " + unknown + " (expected " + connector.configFields() + ")");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<String> notText = new ArrayList<>();
        for (String field : connector.configFields()) {
            Object value = submitted.get(field);
            if (value == null || value instanceof String s && s.isBlank()) {
                missing.add(field);
            } else if (value instanceof String s) {
                values.put(field, s);
            } else {
                notText.add(field);
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing fields " + missing);
        }
        if (!notText.isEmpty()) {
            problems.add("fields must be strings: " + notText);
        }
        if (!problems.isEmpty()) {
            throw new InvalidCredentialException(
                    "Invalid credentials for connector '" + connector.name() + "': " + String.join("; ", problems));
        }
        return values;
    }

    public static final class InvalidCredentialException extends IllegalArgumentException {
        InvalidCredentialException(String message) {
            super(message);
        }
    }
}
