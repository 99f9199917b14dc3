package io.aviary.bot.mqtt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code data} object of an incoming RPC request, read as leniently as pydantic coerces it: numbers may arrive as
 * strings, booleans as {@code "true"}/{@code 1}, unknown fields are ignored and {@code null} means "use the default".
 * A value that cannot be coerced, or a missing required field, is an {@link InvalidRequestException} naming the field
 * (never echoing the value).
 */
final class RequestFields {

  private final JsonNode data;

  RequestFields(JsonNode data) {
    if (data == null || !data.isObject()) {
      throw new InvalidRequestException("data must be a JSON object");
    }
    this.data = data;
  }

  private JsonNode value(String name) {
    JsonNode v = data.get(name);
    return v == null || v.isNull() ? null : v;
  }

  String optString(String name, String fallback) {
    JsonNode v = value(name);
    if (v == null) {
      return fallback;
    }
    if (!v.isValueNode()) {
      throw new InvalidRequestException(name + ": expected a string");
    }
    return v.asString();
  }

  String requiredString(String name) {
    String s = optString(name, null);
    if (s == null) {
      throw new InvalidRequestException(name + ": field required");
    }
    return s;
  }

  boolean optBoolean(String name, boolean fallback) {
    JsonNode v = value(name);
    if (v == null) {
      return fallback;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber() && (v.asLong() == 0 || v.asLong() == 1)) {
      return v.asLong() == 1;
    }
    if (v.isString()) {
      switch (v.asString().trim().toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes", "on", "t", "y" -> {
          return true;
        }
        case "false", "0", "no", "off", "f", "n" -> {
          return false;
        }
        default -> { }
      }
    }
    throw new InvalidRequestException(name + ": expected a boolean");
  }

  BigDecimal optDecimal(String name, BigDecimal fallback) {
    JsonNode v = value(name);
    if (v == null) {
      return fallback;
    }
    if (v.isNumber() && !nonFinite(v)) {
      return v.decimalValue();
    }
    if (v.isString()) {
      try {
        return new BigDecimal(v.asString().trim());
      } catch (NumberFormatException e) {
        // fall through to the error naming the field
      }
    }
    throw new InvalidRequestException(name + ": expected a number");
  }

  BigDecimal requiredDecimal(String name) {
    BigDecimal d = optDecimal(name, null);
    if (d == null) {
      throw new InvalidRequestException(name + ": field required");
    }
    return d;
  }

  Integer optInteger(String name, Integer fallback) {
    BigDecimal d = optDecimal(name, null);
    if (d == null) {
      return fallback;
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidRequestException(name + ": expected an integer");
    }
  }

  /**
   * {@code config}'s {@code params}: Hummingbot's {@code List[Tuple[str, Any]]} ({@code [["key", value], ...]}); the
   * dict {@code {"key": value}} the Hummingbot API actually sends (internals §1.6) is accepted as the same pairs.
   */
  List<ConfigParam> configParams(String name) {
    JsonNode v = value(name);
    List<ConfigParam> params = new ArrayList<>();
    if (v == null) {
      return params;
    }
    if (v.isObject()) {
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        params.add(new ConfigParam(e.getKey(), plain(e.getValue())));
      }
      return params;
    }
    if (!v.isArray()) {
      throw new InvalidRequestException(name + ": expected a list of [key, value] pairs");
    }
    for (JsonNode pair : v) {
      if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isString()) {
        throw new InvalidRequestException(name + ": expected a list of [key, value] pairs");
      }
      params.add(new ConfigParam(pair.get(0).asString(), plain(pair.get(1))));
    }
    return params;
  }

  /** A JSON value as plain Java: String, Boolean, Long/BigDecimal/Double, List, Map, or null. */
  static Object plain(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      v.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (v.isArray()) {
      List<Object> list = new ArrayList<>();
      v.forEach(item -> list.add(plain(item)));
      return list;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return nonFinite(v) ? (Object) v.doubleValue() : v.decimalValue();
    }
    return v.asString();
  }

  /** NaN and the infinities (which ujson accepts and {@code decimalValue()} cannot represent). */
  private static boolean nonFinite(JsonNode v) {
    return v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue());
  }
}
