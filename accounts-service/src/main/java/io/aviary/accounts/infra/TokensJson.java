package io.aviary.accounts.infra;

import io.aviary.accounts.domain.portfolio.TokenValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stored form of a token list: the catalog's token entries, decimals as exact JSON numbers. */
final class TokensJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    String write(List<TokenValue> tokens) {
        List<Map<String, Object>> entries = new ArrayList<>(tokens.size());
        for (TokenValue t : tokens) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("token", t.token());
            entry.put("units", t.units());
            entry.put("price", t.price());
            entry.put("value", t.value());
            entry.put("available_units", t.availableUnits());
            entries.add(entry);
        }
        return mapper.writeValueAsString(entries);
    }

    List<TokenValue> read(String text) {
        List<TokenValue> tokens = new ArrayList<>();
        for (JsonNode e : mapper.readTree(text)) {
            tokens.add(new TokenValue(e.get("token").asString(), decimal(e, "units"), decimal(e, "price"),
                    decimal(e, "value"), decimal(e, "available_units")));
        }
        return tokens;
    }

    private static BigDecimal decimal(JsonNode entry, String field) {
        return entry.get(field).decimalValue();
    }
}
