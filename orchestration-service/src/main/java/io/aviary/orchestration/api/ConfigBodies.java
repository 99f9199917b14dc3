package io.aviary.orchestration.api;

import io.aviary.connectors.hummingbot.HummingbotFiles;
import io.aviary.kit.web.ErrorBody.ValidationError;
import io.aviary.kit.web.RequestValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Config bodies as plain maps for validation: JSON objects (numbers kept exact: fractions as decimals) or, for the
 * config writes, Hummingbot YAML text. Anything but an object/mapping is FastAPI's 422 {@code dict_type} at body.
 */
final class ConfigBodies {

    private ConfigBodies() {
    }

    static Map<String, Object> fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw notADictionary();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(body);
        return map;
    }

    static Map<String, Object> fromYaml(String text) {
        try {
            return HummingbotFiles.parseMapping(text);
        } catch (IllegalArgumentException e) {
            if ("not a YAML mapping".equals(e.getMessage())) {
                throw notADictionary();
            }
            throw new RequestValidationException(new ValidationError("yaml_invalid", List.of("body"),
                    "Input should be a valid YAML mapping"));
        }
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString()) {
            return node.asString();
        }
        return null;
    }

    private static RequestValidationException notADictionary() {
        return new RequestValidationException(new ValidationError("dict_type", List.of("body"),
                "Input should be a valid dictionary"));
    }
}
