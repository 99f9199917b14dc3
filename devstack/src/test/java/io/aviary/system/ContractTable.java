package io.aviary.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One router's contract table ({@code src/test/resources/contract/<router>.json}): the catalog's
 * example requests in order, each with the status and the response keys and types api-catalog
 * gives. A new router gets the check by adding its file; nothing else changes.
 *
 * <p>A row: {@code name}, {@code method}, {@code path}, either {@code body} (sent as JSON) or
 * {@code raw} + {@code contentType} (sent as is, e.g. an empty octet-stream), {@code status},
 * {@code expect} (see {@link #mismatches}), optional {@code detail} (a substring of an error's
 * detail), {@code extra} (additive keys ADR 0003 allows beyond the catalog's), {@code capture}
 * ({@code {"var": "/json/pointer"}}, usable later as {@code ${var}}), {@code values} ({@code {"/json/pointer":
 * exact value}}, where the catalog fixes a value, not only a type) and {@code awaitSeconds} (retry
 * until the row passes, for what settles asynchronously). {@code ${account}} is the suite's test account;
 * {@code "${=name}"}, quotes included, puts a variable into a body as a bare JSON number.
 *
 * <p>Expectations: a type name ({@code string}, {@code integer}, {@code number}, {@code boolean},
 * {@code object}, {@code array}, {@code null}, {@code decimal-string}: a decimal as a JSON string,
 * {@code iso-time}: Python's {@code isoformat()} of a UTC time), several joined by {@code |}; an
 * object (exactly these keys plus {@code extra}, each checked); a one-element array (a non-empty
 * array whose every item matches); {@code {"*": x}} (a non-empty object whose every value matches x).
 */
record ContractTable(String router, List<Row> rows) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00");
    /** {@code ${name}} inside text, or {@code "${=name}"} (quotes included) for a bare JSON number. */
    private static final Pattern VARIABLE = Pattern.compile("\"\\$\\{=([a-z_]+)}\"|\\$\\{([a-z_]+)}");

    record Row(String name, String method, String path, String body, String contentType, int status, JsonNode expect,
            String detail, Set<String> extra, Map<String, String> capture, int awaitSeconds, Map<String, JsonNode> values) {
    }

    /** Every table under {@code contract/} on the test class path, by router name. */
    static List<ContractTable> all() {
        URL folder = ContractTable.class.getClassLoader().getResource("contract");
        if (folder == null) {
            throw new IllegalStateException("no contract/ folder on the test class path");
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(ContractTable::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ContractTable read(Path file) {
        String router = file.getFileName().toString().replaceFirst("\\.json$", "");
        try (InputStream in = Files.newInputStream(file)) {
            List<Row> rows = new ArrayList<>();
            for (JsonNode row : JSON.readTree(in)) {
                rows.add(row(row));
            }
            return new ContractTable(router, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row row(JsonNode row) {
        boolean raw = row.has("raw");
        Set<String> extra = new HashSet<>();
        row.path("extra").forEach(e -> extra.add(e.asString()));
        Map<String, String> capture = new LinkedHashMap<>();
        row.path("capture").properties().forEach(e -> capture.put(e.getKey(), e.getValue().asString()));
        Map<String, JsonNode> values = new LinkedHashMap<>();
        row.path("values").properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        return new Row(row.get("name").asString(), row.path("method").asString("POST"), row.get("path").asString(),
                raw ? row.get("raw").asString() : row.has("body") ? JSON.writeValueAsString(row.get("body")) : null,
                raw ? row.path("contentType").asString(null) : "application/json", row.get("status").asInt(),
                row.get("expect"), row.path("detail").asString(null), Set.copyOf(extra), Map.copyOf(capture),
                row.path("awaitSeconds").asInt(0), Map.copyOf(values));
    }

    static String substitute(String text, Map<String, String> variables) {
        if (text == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = variables.get(name);
            if (value == null) {
                throw new IllegalStateException("no value for ${" + name + "} (capture it in an earlier row)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** Where {@code actual} differs from {@code expected}, one line per difference, with its JSON path. */
    static List<String> mismatches(JsonNode expected, JsonNode actual, Set<String> extra) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, extra, out);
        return out;
    }

    private static void compare(String at, JsonNode expected, JsonNode actual, Set<String> extra, List<String> out) {
        if (expected == null) {
            return;
        }
        if (expected.isString()) {
            if (!matchesAny(expected.asString(), actual)) {
                out.add(at + ": expected " + expected.asString() + ", got " + describe(actual));
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.isEmpty()) {
                out.add(at + ": expected a non-empty array, got " + describe(actual));
                return;
            }
            for (int i = 0; i < actual.size(); i++) {
                compare(at + "[" + i + "]", expected.get(0), actual.get(i), extra, out);
            }
        } else if (expected.isObject() && expected.has("*")) {
            if (!actual.isObject() || actual.isEmpty()) {
                out.add(at + ": expected a non-empty object, got " + describe(actual));
                return;
            }
            actual.properties().forEach(e -> compare(at + "." + e.getKey(), expected.get("*"), e.getValue(), extra, out));
        } else if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(at + ": expected an object, got " + describe(actual));
                return;
            }
            expected.properties().forEach(e -> {
                if (!actual.has(e.getKey())) {
                    out.add(at + "." + e.getKey() + ": missing");
                } else {
                    compare(at + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), extra, out);
                }
            });
            for (Iterator<String> names = actual.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name) && !extra.contains(name)) {
                    out.add(at + "." + name + ": not in the catalog (nor in the row's ADR 0003 extras)");
                }
            }
        }
    }

    private static boolean matchesAny(String types, JsonNode actual) {
        for (String type : types.split("\\|")) {
            if (matches(type.trim(), actual)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String type, JsonNode actual) {
        return switch (type) {
            case "string" -> actual.isString();
            case "integer" -> actual.isIntegralNumber();
            case "number" -> actual.isNumber();
            case "boolean" -> actual.isBoolean();
            case "object" -> actual.isObject();
            case "array" -> actual.isArray();
            case "null" -> actual.isNull();
            case "decimal-string" -> actual.isString() && isDecimal(actual.asString());
            case "iso-time" -> actual.isString() && ISO_TIME.matcher(actual.asString()).matches();
            default -> throw new IllegalArgumentException("unknown type '" + type + "' in a contract table");
        };
    }

    private static boolean isDecimal(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(JsonNode actual) {
        String text = String.valueOf(actual);
        return actual == null ? "nothing" : actual.getNodeType() + " " + (text.length() > 80 ? text.substring(0, 80) + "…" : text);
    }
}
