package io.aviary.trading.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored open position. */
public record PositionRow(String accountName, String connectorName, String tradingPair, String side,
        BigDecimal amount, BigDecimal entryPrice, BigDecimal markPrice, BigDecimal unrealizedPnl, Integer leverage,
        BigDecimal liquidationPrice, Instant updatedAt) {
}
