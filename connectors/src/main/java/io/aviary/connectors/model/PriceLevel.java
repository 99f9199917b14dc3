package io.aviary.connectors.model;

import java.math.BigDecimal;

/** One price level of a book; in a diff, amount zero removes the level. */
public record PriceLevel(BigDecimal price, BigDecimal amount) {
}
