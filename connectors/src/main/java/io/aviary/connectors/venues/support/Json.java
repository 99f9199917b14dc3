package io.aviary.connectors.venues.support;

import io.aviary.connectors.model.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers to read venue JSON (Jackson 3) without ceremony; numbers stay exact. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text == null || text.isBlank() ? "null" : text);
        } catch (JacksonException e) {
            throw new IllegalStateException("not JSON: " + abbreviate(text, 120), e);
        }
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** The text of {@code node.field}, or null when absent, null or empty. */
    public static String str(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        String s = v.asString();
        return s == null || s.isEmpty() ? null : s;
    }

    public static String str(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String s = node.asString();
        return s == null || s.isEmpty() ? null : s;
    }

    public static BigDecimal dec(JsonNode node, String field) {
        return toDecimal(str(node, field));
    }

    public static BigDecimal dec(JsonNode node) {
        return toDecimal(str(node));
    }

    public static BigDecimal decOrZero(JsonNode node, String field) {
        BigDecimal d = dec(node, field);
        return d == null ? BigDecimal.ZERO : d;
    }

    public static long lng(JsonNode node, String field, long fallback) {
        String s = str(node, field);
        return s == null ? fallback : parseLong(s, fallback);
    }

    public static long lng(JsonNode node, long fallback) {
        String s = str(node);
        return s == null ? fallback : parseLong(s, fallback);
    }

    public static boolean bool(JsonNode node, String field) {
        return "true".equalsIgnoreCase(str(node, field));
    }

    public static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    public static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal toDecimal(String s) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long parseLong(String s, long fallback) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            try {
                return new BigDecimal(s.trim()).longValue();
            } catch (NumberFormatException e2) {
                return fallback;
            }
        }
    }

    public static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }

    /** The first {@code depth} levels of a book side sent as {@code [[price, amount, ...], ...]}. */
    public static List<PriceLevel> priceLevels(JsonNode rows, int depth) {
        return list(rows).stream().limit(depth).map(r -> new PriceLevel(dec(r.get(0)), dec(r.get(1)))).toList();
    }
}
