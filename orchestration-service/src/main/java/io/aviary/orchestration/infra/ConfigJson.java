package io.aviary.orchestration.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Config content as stored JSON: key order kept, fractional numbers read as exact decimals. */
final class ConfigJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private ConfigJson() {
    }

    static String write(Map<String, Object> content) {
        return JSON.writeValueAsString(content);
    }

    static Map<String, Object> read(String json) {
        return JSON.readValue(json, MAP);
    }
}
