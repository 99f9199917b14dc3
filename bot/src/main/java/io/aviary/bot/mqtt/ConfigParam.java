package io.aviary.bot.mqtt;

import java.util.Arrays;
import java.util.List;

/**
 * One {@code [key, value]} pair of the {@code config} command ({@code params} in, {@code changes} out).
 *
 * @param value plain JSON value: String, Boolean, Long, BigDecimal, List, Map or {@code null}
 */
public record ConfigParam(String key, Object value) {

  /** On the wire a pair is a two-element JSON array, as Python serializes a tuple. */
  List<Object> toWire() {
    return Arrays.asList(key, value);
  }
}
