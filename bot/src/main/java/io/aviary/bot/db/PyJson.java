package io.aviary.bot.db;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON text the way Python's {@code json.dumps} does with its defaults (what SQLAlchemy's JSON column type
 * stores): {@code ", "} and {@code ": "} separators, non-ASCII escaped as {@code \\uXXXX}, floats in {@code repr}
 * form ({@code 1735689600.0}, {@code 1e-05}), {@code NaN}/{@code Infinity} bare. So the JSON columns of our database
 * hold the same text as Hummingbot's. Values: {@link Map} (keys written with {@code toString}), {@link List},
 * {@link CharSequence}, {@link Boolean}, {@link Integer}/{@link Long}, {@link Double}/{@link Float}, {@link BigDecimal}
 * (a number, as its {@code toString}), {@code null}.
 */
final class PyJson {

  private PyJson() {
  }

  static String dumps(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    switch (value) {
      case null -> out.append("null");
      case CharSequence text -> string(text, out);
      case Boolean bool -> out.append(bool ? "true" : "false");
      case Integer number -> out.append(number);
      case Long number -> out.append(number);
      case Double number -> out.append(floatRepr(number));
      case Float number -> out.append(floatRepr(number.doubleValue()));
      case BigDecimal number -> out.append(number);
      case Map<?, ?> map -> object(map, out);
      case List<?> list -> array(list, out);
      default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void object(Map<?, ?> map, StringBuilder out) {
    out.append('{');
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      string(String.valueOf(entry.getKey()), out);
      out.append(": ");
      write(entry.getValue(), out);
      if (entries.hasNext()) {
        out.append(", ");
      }
    }
    out.append('}');
  }

  private static void array(List<?> list, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      write(list.get(i), out);
    }
    out.append(']');
  }

  private static void string(CharSequence text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Python's {@code repr(float)}: the shortest digits that round-trip (as Java's {@link Double#toString} since JDK 19),
   * positional when the decimal exponent is in [-4, 16), otherwise {@code d.ddde±XX}.
   */
  static String floatRepr(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0.0" : "0.0";
    }
    BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    String sign = value < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = shortest.abs().toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
  }
}
