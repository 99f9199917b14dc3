package io.aviary.simexchange.domain.event;

import java.math.BigDecimal;

/** One price level; in a diff, amount zero removes the level. */
public record BookLevel(BigDecimal price, BigDecimal amount) {
}
