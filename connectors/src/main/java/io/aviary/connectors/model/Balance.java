package io.aviary.connectors.model;

import java.math.BigDecimal;

/** Holdings of one asset; {@code available} excludes what open orders lock. */
public record Balance(String asset, BigDecimal total, BigDecimal available) {
}
