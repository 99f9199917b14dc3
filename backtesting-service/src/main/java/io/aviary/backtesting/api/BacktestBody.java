package io.aviary.backtesting.api;

import io.aviary.backtesting.domain.BacktestRequest;
import io.aviary.backtesting.domain.ProcessedDataFormat;
import io.aviary.backtesting.domain.Resolution;
import io.aviary.kit.failure.InvalidRequest;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads hummingbot-api's {@code BacktestingConfig} body with its defaults (hummingbot-internals §4.4): start_time
 * 1735689600, end_time 1738368000, backtesting_resolution "1m", trade_cost 0.0006, config required (an object, or
 * the name of a stored config); Aviary adds slippage (default 0) and processed_data_format ({@code "none"}, the
 * default, {@code "features"} or {@code "columns"}, see {@link ProcessedDataFormat}). Other keys are ignored, as
 * pydantic's default model config does.
 */
final class BacktestBody {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** orchestration-service's config names. */
    private static final Pattern STORED_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    private BacktestBody() {
    }

    static BacktestRequest read(JsonNode body, JsonMapper json) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequest("The body must be a JSON object (BacktestingConfig)");
        }
        long start = integer(body, "start_time", 1_735_689_600L);
        long end = integer(body, "end_time", 1_738_368_000L);
        if (end <= start) {
            throw new InvalidRequest("end_time (" + end + ") must be after start_time (" + start
                    + "); both are epoch seconds");
        }
        JsonNode resolutionNode = body.get("backtesting_resolution");
        String resolutionText = resolutionNode == null || resolutionNode.isNull() ? "1m"
                : resolutionNode.isString() ? resolutionNode.asString() : "";
        Resolution resolution = Resolution.parse(resolutionText).orElseThrow(() -> new InvalidRequest(
                "backtesting_resolution must be an interval such as 1m, 5m, 1h or 1d"));
        double tradeCost = fraction(body, "trade_cost", 0.0006);
        double slippage = fraction(body, "slippage", 0);
        return new BacktestRequest(start, end, resolution, tradeCost, slippage, config(body.get("config"), json),
                processedData(body.get(PROCESSED_DATA_FORMAT)));
    }

    static final String PROCESSED_DATA_FORMAT = "processed_data_format";

    private static ProcessedDataFormat processedData(JsonNode node) {
        if (node == null || node.isNull()) {
            return ProcessedDataFormat.NONE;
        }
        return (node.isString() ? ProcessedDataFormat.parse(node.asString()) : Optional.<ProcessedDataFormat>empty())
                .orElseThrow(() -> new InvalidRequest(PROCESSED_DATA_FORMAT + " must be \"none\" (processed_data {}),"
                        + " \"features\" ({column: {\"<epoch s>\": value}}, Hummingbot's shape) or \"columns\""
                        + " ({\"timestamp\": [...], column: [...]})"));
    }

    private static BacktestRequest.ConfigRef config(JsonNode config, JsonMapper json) {
        if (config == null || config.isNull()) {
            throw new InvalidRequest("config is required: a controller config object or a stored config name");
        }
        if (config.isObject()) {
            return new BacktestRequest.InlineConfig(json.convertValue(config, MAP));
        }
        if (config.isString()) {
            String name = config.asString();
            if (name.endsWith(".yml")) {
                name = name.substring(0, name.length() - 4);
            }
            if (!STORED_NAME.matcher(name).matches() || name.contains("..")) {
                throw new InvalidRequest("config: a stored config name matches " + STORED_NAME.pattern()
                        + " (the name it was saved under with POST /controllers/configs/{name})");
            }
            return new BacktestRequest.StoredConfig(name);
        }
        throw new InvalidRequest("config must be a controller config object or a stored config name");
    }

    private static long integer(JsonNode body, String key, long fallback) {
        JsonNode node = body.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidRequest(key + " must be an integer (epoch seconds)");
        }
        return node.asLong();
    }

    private static double fraction(JsonNode body, String key, double fallback) {
        JsonNode node = body.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || !(node.asDouble() >= 0) || node.asDouble() >= 1) {
            throw new InvalidRequest(key + " must be a number in [0, 1) (a fraction, 0.0006 = 0.06 %)");
        }
        return node.asDouble();
    }
}
