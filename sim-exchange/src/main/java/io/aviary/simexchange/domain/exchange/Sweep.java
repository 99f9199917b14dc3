package io.aviary.simexchange.domain.exchange;

import java.math.BigDecimal;

/**
 * What a market order would execute against right now: {@code lots} fillable (at most the amount
 * asked) and their {@code notional} in the quote asset.
 */
public record Sweep(long lots, BigDecimal amount, BigDecimal notional) {

    public BigDecimal averagePrice() {
        return amount.signum() == 0 ? BigDecimal.ZERO : notional.divide(amount, 12, java.math.RoundingMode.HALF_UP);
    }
}
