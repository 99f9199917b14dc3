package io.aviary.marketdata.api;

import io.aviary.kit.web.ErrorBody.ValidationError;
import io.aviary.kit.web.RequestValidationException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON request body field by field the way FastAPI/pydantic validates it: every problem is
 * collected and answered as one 422 with the FastAPI error list (never echoing the input).
 */
final class Body {

    private final JsonNode json;
    private final List<ValidationError> errors = new ArrayList<>();

    private Body(JsonNode json) {
        this.json = json;
    }

    static Body of(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new RequestValidationException(new ValidationError("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from"));
        }
        return new Body(json);
    }

    String string(String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return missing(name, null);
        }
        if (!node.isString()) {
            return invalid(name, "string_type", "Input should be a valid string", null);
        }
        return node.asString();
    }

    /** The first of {@code names} present (Hummingbot clients send either spelling). */
    String stringEither(String name, String alias) {
        JsonNode node = json.get(name);
        return (node == null || node.isNull()) && json.has(alias) ? string(alias) : string(name);
    }

    String string(String name, String fallback) {
        return json.has(name) && !json.get(name).isNull() ? string(name) : fallback;
    }

    boolean bool(String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return missing(name, false);
        }
        if (!node.isBoolean()) {
            return invalid(name, "bool_type", "Input should be a valid boolean", false);
        }
        return node.asBoolean();
    }

    long integer(String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return missing(name, 0L);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            return invalid(name, "int_type", "Input should be a valid integer", 0L);
        }
        return node.asLong();
    }

    int integer(String name, int fallback, int min, int max) {
        if (!json.has(name) || json.get(name).isNull()) {
            return fallback;
        }
        long value = integer(name);
        if (value < min) {
            return invalid(name, "greater_than_equal", "Input should be greater than or equal to " + min, fallback);
        }
        if (value > max) {
            return invalid(name, "less_than_equal", "Input should be less than or equal to " + max, fallback);
        }
        return (int) value;
    }

    /** A number greater than zero. */
    double positive(String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return missing(name, 0.0);
        }
        if (!node.isNumber()) {
            return invalid(name, "float_type", "Input should be a valid number", 0.0);
        }
        double value = node.asDouble();
        if (!(value > 0) || Double.isInfinite(value)) {
            return invalid(name, "greater_than", "Input should be greater than 0", 0.0);
        }
        return value;
    }

    /** An optional number within [min, max] (FastAPI's {@code ge}/{@code le}), else {@code fallback}. */
    double number(String name, double fallback, double min, double max) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber()) {
            return invalid(name, "float_type", "Input should be a valid number", fallback);
        }
        double value = node.asDouble();
        if (value < min) {
            return invalid(name, "greater_than_equal", "Input should be greater than or equal to " + min, fallback);
        }
        if (value > max) {
            return invalid(name, "less_than_equal", "Input should be less than or equal to " + max, fallback);
        }
        return value;
    }

    List<String> strings(String name) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return missing(name, List.of());
        }
        if (!node.isArray()) {
            return invalid(name, "list_type", "Input should be a valid list", List.of());
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                return invalid(name, "string_type", "Input should be a list of strings", List.of());
            }
            out.add(item.asString());
        }
        return out;
    }

    /** Throws the collected 422 when any field was wrong; call before using the values. */
    void validate() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors.toArray(ValidationError[]::new));
        }
    }

    private <T> T missing(String name, T placeholder) {
        errors.add(new ValidationError("missing", List.of("body", name), "Field required"));
        return placeholder;
    }

    private <T> T invalid(String name, String type, String msg, T placeholder) {
        errors.add(new ValidationError(type, List.of("body", name), msg));
        return placeholder;
    }
}
