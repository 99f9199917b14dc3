package io.aviary.connectors.venues.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** An ordered query string (venues sign the exact text, so order is kept as added). */
public final class Query {

    private final Map<String, String> params = new LinkedHashMap<>();

    public static Query of() {
        return new Query();
    }

    public Query add(String name, Object value) {
        if (value != null) {
            params.put(name, value instanceof java.math.BigDecimal d ? Json.plain(d) : value.toString());
        }
        return this;
    }

    public boolean isEmpty() {
        return params.isEmpty();
    }

    public Map<String, String> asMap() {
        return params;
    }

    /** The encoded query without a leading '?'. */
    public String encoded() {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** '?' plus the encoded query, or "" when empty. */
    public String suffix() {
        return params.isEmpty() ? "" : "?" + encoded();
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
