package io.aviary.simexchange.domain.event;

import io.aviary.simexchange.domain.model.PositionSide;
import java.math.BigDecimal;

/**
 * A position closed by the venue because its margin fell to the maintenance requirement. The
 * position was closed at {@code markPrice}; {@code marginLost} is the whole isolated margin (the
 * realised loss plus the remainder that goes to the venue's insurance fund).
 */
public record Liquidation(String symbol, PositionSide side, BigDecimal amount, BigDecimal entryPrice,
        BigDecimal markPrice, BigDecimal marginLost, long timestamp) {
}
