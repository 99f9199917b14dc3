package io.aviary.simexchange.domain.event;

import io.aviary.simexchange.domain.model.PositionSide;
import java.math.BigDecimal;

/**
 * A perpetual position. {@code amount} is signed (negative = short); zero means the position was
 * closed. {@code margin} is the isolated margin held for it in the collateral asset.
 */
public record PositionSnapshot(String symbol, PositionSide side, BigDecimal amount, BigDecimal entryPrice,
        BigDecimal margin, int leverage, long updatedAt) {

    public boolean isOpen() {
        return amount.signum() != 0;
    }
}
