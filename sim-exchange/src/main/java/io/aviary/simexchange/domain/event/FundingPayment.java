package io.aviary.simexchange.domain.event;

import io.aviary.simexchange.domain.model.PositionSide;
import java.math.BigDecimal;

/**
 * A funding settlement on one position: positive {@code amount} was received, negative was paid.
 * With a positive rate longs pay shorts.
 */
public record FundingPayment(String symbol, long timestamp, BigDecimal rate, BigDecimal amount, String asset,
        PositionSide side, BigDecimal positionAmount, BigDecimal markPrice) {
}
