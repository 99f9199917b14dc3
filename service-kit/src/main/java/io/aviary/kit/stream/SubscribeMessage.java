package io.aviary.kit.stream;

import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A client's {@code subscribe} message, with checked accessors: each throws {@link IllegalArgumentException} naming
 * the field, never repeating a value beyond a short name of {@code [A-Za-z0-9_.-]}.
 */
public final class SubscribeMessage {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private final JsonNode message;

    SubscribeMessage(JsonNode message) {
        this.message = message;
    }

    /** {@code type}, as one of {@code valid} (listed in the error otherwise). */
    public String type(String... valid) {
        String type = text("type");
        for (String v : valid) {
            if (v.equals(type)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Invalid subscription type" + (shown(type) ? ": " + type : "")
                + ". Valid types: " + String.join(", ", valid));
    }

    /** A required name (connector, pair, id): 1 to 64 letters, digits, {@code _ . -}. */
    public String name(String field) {
        String value = text(field);
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + field + "' must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        return value;
    }

    /** An optional name; {@code fallback} when absent. */
    public String name(String field, String fallback) {
        return has(field) ? name(field) : fallback;
    }

    /** An optional whole number; {@code fallback} when absent or null. */
    public int integer(String field, int fallback) {
        JsonNode node = message.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        return node.intValue();
    }

    /** An optional number; {@code fallback} when absent or not a number. */
    public double number(String field, double fallback) {
        JsonNode node = message.get(field);
        return node != null && node.isNumber() ? node.doubleValue() : fallback;
    }

    public boolean has(String field) {
        JsonNode node = message.get(field);
        return node != null && !node.isNull();
    }

    /** The raw field, for structured options (e.g. filters); the source checks it. */
    public JsonNode raw(String field) {
        return message.get(field);
    }

    String text(String field) {
        JsonNode node = message.get(field);
        return node != null && node.isString() ? node.asString() : null;
    }

    static boolean shown(String value) {
        return value != null && NAME.matcher(value).matches();
    }
}
