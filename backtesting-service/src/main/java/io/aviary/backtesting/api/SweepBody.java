package io.aviary.backtesting.api;

import io.aviary.backtesting.domain.ProcessedDataFormat;
import io.aviary.backtesting.domain.SweepRequest;
import io.aviary.kit.failure.InvalidRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a sweep body: a backtest body (BacktestingConfig: range, resolution, costs, base config) plus
 * {@code parameters} ({@code {key: [values]}} or {@code {key: {"min", "max", "step"}}}), {@code search}
 * ({@code "grid"}, the default, or {@code "random"} with {@code samples} and an optional {@code seed}),
 * {@code rank_by} (a §4.3 metric, default {@code net_pnl_quote}) and {@code order} ({@code "desc"} default, or
 * {@code "asc"}).
 */
final class SweepBody {

    private static final int MAX_KEYS = 20;

    private SweepBody() {
    }

    static SweepRequest read(JsonNode body, JsonMapper json) {
        var base = BacktestBody.read(body, json);
        if (base.processedData() != ProcessedDataFormat.NONE) {
            throw new InvalidRequest(BacktestBody.PROCESSED_DATA_FORMAT + ": a sweep keeps metrics only, no"
                    + " processed_data; run the variant you want to inspect with POST /backtesting/run");
        }
        Map<String, SweepRequest.Space> parameters = parameters(body.get("parameters"), json);
        SweepRequest.Search search = switch (text(body, "search", "grid")) {
            case "grid" -> SweepRequest.Search.GRID;
            case "random" -> SweepRequest.Search.RANDOM;
            default -> throw new InvalidRequest("search must be \"grid\" or \"random\"");
        };
        int samples = 0;
        Long seed = null;
        if (search == SweepRequest.Search.RANDOM) {
            JsonNode n = body.get("samples");
            if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1) {
                throw new InvalidRequest("samples is required for a random search: a whole number of variants >= 1");
            }
            samples = n.asInt();
            JsonNode s = body.get("seed");
            if (s != null && !s.isNull()) {
                if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                    throw new InvalidRequest("seed must be a whole number");
                }
                seed = s.asLong();
            }
        }
        String rankBy = text(body, "rank_by", "net_pnl_quote");
        boolean descending = switch (text(body, "order", "desc")) {
            case "desc" -> true;
            case "asc" -> false;
            default -> throw new InvalidRequest("order must be \"desc\" (largest first) or \"asc\"");
        };
        return new SweepRequest(base, parameters, search, samples, seed, rankBy, descending);
    }

    private static Map<String, SweepRequest.Space> parameters(JsonNode node, JsonMapper json) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new InvalidRequest("parameters is required: an object of config key -> [values] or "
                    + "{\"min\", \"max\", \"step\"}");
        }
        if (node.size() > MAX_KEYS) {
            throw new InvalidRequest("parameters: at most " + MAX_KEYS + " keys per sweep");
        }
        Map<String, SweepRequest.Space> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            if (key.length() > 100) {
                throw new InvalidRequest("parameters: a config key has at most 100 characters");
            }
            out.put(key, space(key, e.getValue(), json));
        }
        return out;
    }

    private static SweepRequest.Space space(String key, JsonNode node, JsonMapper json) {
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new InvalidRequest("parameters." + key + ": list at least one value");
            }
            List<Object> values = new ArrayList<>();
            for (JsonNode v : node) {
                if (!v.isValueNode() || v.isNull()) {
                    throw new InvalidRequest("parameters." + key + ": values are numbers, texts or booleans");
                }
                values.add(json.convertValue(v, Object.class));
            }
            return new SweepRequest.Values(values);
        }
        if (node.isObject()) {
            BigDecimal min = number(key, node, "min", true);
            BigDecimal max = number(key, node, "max", true);
            BigDecimal step = number(key, node, "step", false);
            if (max.compareTo(min) < 0) {
                throw new InvalidRequest("parameters." + key + ": max must be >= min");
            }
            if (step != null && step.signum() <= 0) {
                throw new InvalidRequest("parameters." + key + ": step must be > 0");
            }
            return new SweepRequest.Range(min, max, step);
        }
        throw new InvalidRequest("parameters." + key + ": a list of values or {\"min\", \"max\", \"step\"}");
    }

    private static BigDecimal number(String key, JsonNode range, String field, boolean required) {
        JsonNode n = range.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new InvalidRequest("parameters." + key + "." + field + " is required");
            }
            return null;
        }
        if (!n.isNumber()) {
            throw new InvalidRequest("parameters." + key + "." + field + " must be a number");
        }
        return n.decimalValue();
    }

    private static String text(JsonNode body, String key, String fallback) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isString() || n.asString().length() > 64) {
            throw new InvalidRequest(key + " must be a text");
        }
        return n.asString();
    }
}
