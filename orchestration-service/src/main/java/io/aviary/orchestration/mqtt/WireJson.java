package io.aviary.orchestration.mqtt;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads bot payloads with Hummingbot's rules (bare {@code NaN} tokens, hummingbot-internals §1.3) and writes ours. */
final class WireJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private WireJson() {
    }

    /** The payload as JSON, or {@code null} when it is not JSON (Hummingbot drops such messages too). */
    static JsonNode parse(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (JacksonException e) {
            return null;
        }
    }

    static byte[] write(Map<String, Object> value) {
        return JSON.writeValueAsBytes(value);
    }

    static String text(JsonNode node) {
        return JSON.writeValueAsString(node);
    }

    static JsonNode read(String text) {
        return JSON.readTree(text);
    }
}
