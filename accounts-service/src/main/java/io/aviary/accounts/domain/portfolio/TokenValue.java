package io.aviary.accounts.domain.portfolio;

import java.math.BigDecimal;

/** One token of a connector balance, priced: the catalog's token entry. {@code value = units × price}. */
public record TokenValue(String token, BigDecimal units, BigDecimal price, BigDecimal value, BigDecimal availableUnits) {
}
