package io.aviary.bot.mqtt;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hummingbot's MQTT wire format ({@code mqtt_serialize = ujson.dumps(_make_primitive(payload))}, internals §1.3), so
 * a consumer written against a real bot reads ours byte-for-byte in the same shapes:
 *
 * <ul>
 *   <li>map keys are {@code str()}-ed (an enum key becomes {@code "EnumClass.NAME"});
 *   <li>{@link BigDecimal}, {@code double}, {@code float} become JSON numbers (Python {@code float}); NaN and the
 *       infinities are written as the bare tokens {@code NaN}, {@code Infinity}, {@code -Infinity} like ujson;
 *   <li>non-negative integers are numbers, <b>negative integers are strings</b> ({@code -1} → {@code "-1"}), because
 *       commlib's {@code str(val).isdigit()} test fails on the minus sign;
 *   <li>enums become {@code "EnumClass.NAME"} (Python's {@code str(Enum)}), anything else its {@code toString()}.
 * </ul>
 *
 * Reading is tolerant ({@code NaN} tokens allowed): Hummingbot parses incoming payloads with {@code ujson.loads}.
 */
public final class WireJson {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .build();

  private WireJson() {}

  /** The payload as Hummingbot would put it on the wire (UTF-8). */
  public static byte[] toBytes(Object payload) {
    return toJson(payload).getBytes(StandardCharsets.UTF_8);
  }

  public static String toJson(Object payload) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = MAPPER.createGenerator(out)) {
      write(gen, payload);
    }
    return out.toString();
  }

  /**
   * Parses an incoming payload; {@code null} when it is not JSON (Hummingbot drops those), so callers decide how to
   * log without echoing the payload.
   */
  public static JsonNode parse(byte[] payload) {
    try {
      return MAPPER.readTree(payload);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** Python's {@code str(enum)}: {@code TradeType.BUY}. */
  public static String enumString(Enum<?> value) {
    return value.getDeclaringClass().getSimpleName() + "." + value.name();
  }

  private static void write(JsonGenerator gen, Object value) {
    switch (value) {
      case null -> gen.writeNull();
      case Map<?, ?> map -> writeObject(gen, map);
      case Collection<?> list -> writeArray(gen, list);
      case Object[] array -> writeArray(gen, java.util.Arrays.asList(array));
      case Boolean b -> gen.writeBoolean(b);
      case String s -> gen.writeString(s);
      case BigDecimal d -> gen.writeNumber(d.doubleValue());
      case Double d -> gen.writeNumber(d);
      case Float f -> gen.writeNumber(f.doubleValue());
      case BigInteger i -> writeInteger(gen, i);
      case Long l -> writeInteger(gen, BigInteger.valueOf(l));
      case Integer i -> writeInteger(gen, BigInteger.valueOf(i));
      case Short s -> writeInteger(gen, BigInteger.valueOf(s));
      case Byte b -> writeInteger(gen, BigInteger.valueOf(b));
      case Enum<?> e -> gen.writeString(enumString(e));
      default -> gen.writeString(value.toString());
    }
  }

  private static void writeInteger(JsonGenerator gen, BigInteger value) {
    if (value.signum() < 0) {
      gen.writeString(value.toString());
    } else {
      gen.writeNumber(value);
    }
  }

  private static void writeObject(JsonGenerator gen, Map<?, ?> map) {
    gen.writeStartObject();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      gen.writeName(keyString(entry.getKey()));
      write(gen, entry.getValue());
    }
    gen.writeEndObject();
  }

  private static String keyString(Object key) {
    return switch (key) {
      case null -> "null";
      case Enum<?> e -> enumString(e);
      default -> key.toString();
    };
  }

  private static void writeArray(JsonGenerator gen, Collection<?> values) {
    gen.writeStartArray();
    for (Object v : values) {
      write(gen, v);
    }
    gen.writeEndArray();
  }
}
