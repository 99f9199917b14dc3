package io.aviary.kit.web;

import io.aviary.kit.web.ErrorBody.ValidationError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON request body field by field the way FastAPI/pydantic validates it: every problem is
 * collected with its {@code loc}, and {@link #validate()} answers them all at once as a 422. A
 * getter returns {@code null} for a field it could not read, so call {@link #validate()} before
 * using the values. Inputs are never echoed (bodies may hold secrets).
 */
public final class JsonBody {

    private final JsonNode node;
    private final List<ValidationError> errors = new ArrayList<>();

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /** A missing body reads as an empty object (every field optional then applies its default). */
    public static JsonBody of(JsonNode node) {
        if (node != null && !node.isNull() && !node.isMissingNode() && !node.isObject()) {
            throw new RequestValidationException(
                    new ValidationError("model_attributes_type", List.of("body"), "Input should be a valid dictionary or object"));
        }
        return new JsonBody(node == null || node.isNull() || node.isMissingNode() ? null : node);
    }

    public String requiredString(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return missing(field);
        }
        return string(field, value);
    }

    public String optionalString(String field) {
        JsonNode value = value(field);
        return value == null ? null : string(field, value);
    }

    public BigDecimal requiredDecimal(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return missing(field);
        }
        return decimal(field, value);
    }

    public BigDecimal optionalDecimal(String field) {
        JsonNode value = value(field);
        return value == null ? null : decimal(field, value);
    }

    /** A positive decimal ({@code gt 0}). */
    public BigDecimal requiredPositiveDecimal(String field) {
        BigDecimal value = requiredDecimal(field);
        if (value != null && value.signum() <= 0) {
            errors.add(new ValidationError("greater_than", loc(field), "Input should be greater than 0"));
            return null;
        }
        return value;
    }

    public Integer requiredInt(String field, int min, int max) {
        JsonNode value = value(field);
        if (value == null) {
            return missing(field);
        }
        return boundedInt(field, value, min, max);
    }

    public int optionalInt(String field, int defaultValue, int min, int max) {
        JsonNode value = value(field);
        if (value == null) {
            return defaultValue;
        }
        Integer parsed = boundedInt(field, value, min, max);
        return parsed == null ? defaultValue : parsed;
    }

    public Long optionalLong(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        errors.add(new ValidationError("int_parsing", loc(field), "Input should be a valid integer"));
        return null;
    }

    /** A list of strings; absent or null reads as empty (meaning "no filter"). */
    public List<String> stringList(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(new ValidationError("list_type", loc(field), "Input should be a valid list"));
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isString()) {
                items.add(item.asString());
            } else {
                errors.add(new ValidationError("string_type", List.of("body", field, i), "Input should be a valid string"));
            }
        }
        return List.copyOf(items);
    }

    /**
     * One of the enum's constant names, upper-cased first when {@code caseInsensitive}; the default
     * when absent.
     */
    public <E extends Enum<E>> E literal(String field, Class<E> type, E defaultValue, boolean caseInsensitive) {
        JsonNode value = value(field);
        if (value == null) {
            if (defaultValue == null) {
                return missing(field);
            }
            return defaultValue;
        }
        String text = string(field, value);
        if (text == null) {
            return null;
        }
        String name = caseInsensitive ? text.toUpperCase(Locale.ROOT) : text;
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        errors.add(new ValidationError("literal_error", loc(field), "Input should be "
                + String.join(" or ", Arrays.stream(type.getEnumConstants()).map(c -> "'" + c.name() + "'").toList())));
        return null;
    }

    /** Adds a problem found by the caller (e.g. a rule across fields). */
    public void reject(String field, String type, String message) {
        errors.add(new ValidationError(type, loc(field), message));
    }

    /** @throws RequestValidationException (422) listing every problem found so far */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors.toArray(ValidationError[]::new));
        }
    }

    private JsonNode value(String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private String string(String field, JsonNode value) {
        if (!value.isString()) {
            errors.add(new ValidationError("string_type", loc(field), "Input should be a valid string"));
            return null;
        }
        return value.asString();
    }

    /** Most digits a decimal may have in all ({@code max_digits}); more is no price or amount. */
    public static final int MAX_DECIMAL_DIGITS = 38;
    /** Most places a decimal may have after (or, as a power of ten, before) the point. */
    public static final int MAX_DECIMAL_PLACES = 18;
    /** Longest decimal text parsed at all: the digits, a sign, a point and an exponent, with room to spare. */
    private static final int MAX_DECIMAL_TEXT = 64;

    /**
     * A decimal within {@link #MAX_DECIMAL_DIGITS} and {@link #MAX_DECIMAL_PLACES}, checked on the
     * parsed value's precision and scale before any arithmetic: {@code 1e-40000000} is 14 characters
     * but a 40-million-digit number once stripped, scaled or printed plain.
     */
    private BigDecimal decimal(String field, JsonNode value) {
        BigDecimal parsed = parseDecimal(value);
        if (parsed == null) {
            errors.add(new ValidationError("decimal_parsing", loc(field), "Input should be a valid decimal"));
            return null;
        }
        if (parsed.precision() > MAX_DECIMAL_DIGITS) {
            errors.add(new ValidationError("decimal_max_digits", loc(field),
                    "Decimal input should have no more than " + MAX_DECIMAL_DIGITS + " digits in total"));
            return null;
        }
        if (Math.abs(parsed.scale()) > MAX_DECIMAL_PLACES) {
            errors.add(new ValidationError("decimal_max_places", loc(field), "Decimal input should have no more than "
                    + MAX_DECIMAL_PLACES + " decimal places and no exponent beyond 1e" + MAX_DECIMAL_PLACES));
            return null;
        }
        return parsed;
    }

    /** @return null when the value is no finite decimal (an unbounded text is not even parsed) */
    private static BigDecimal parseDecimal(JsonNode value) {
        try {
            if (value.isNumber()) {
                boolean infinite = (value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue());
                return infinite ? null : value.decimalValue(); // 1e400 read as a double is infinite
            }
            if (value.isString()) {
                String text = value.asString().trim();
                return text.length() > MAX_DECIMAL_TEXT ? null : new BigDecimal(text);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // answered by the caller like pydantic does for an unparsable decimal
        }
        return null;
    }

    private Integer boundedInt(String field, JsonNode value, int min, int max) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(new ValidationError("int_parsing", loc(field), "Input should be a valid integer"));
            return null;
        }
        int parsed = value.intValue();
        if (parsed < min) {
            errors.add(new ValidationError("greater_than_equal", loc(field), "Input should be greater than or equal to " + min));
            return null;
        }
        if (parsed > max) {
            errors.add(new ValidationError("less_than_equal", loc(field), "Input should be less than or equal to " + max));
            return null;
        }
        return parsed;
    }

    private <T> T missing(String field) {
        errors.add(new ValidationError("missing", loc(field), "Field required"));
        return null;
    }

    private static List<Object> loc(String field) {
        return List.of("body", field);
    }
}
