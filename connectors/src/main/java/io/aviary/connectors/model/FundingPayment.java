package io.aviary.connectors.model;

import java.math.BigDecimal;
import java.time.Instant;

/** A funding payment on a position: positive {@code amount} was received, negative was paid. */
public record FundingPayment(TradingPair tradingPair, Instant timestamp, BigDecimal rate, BigDecimal amount,
        String asset, PositionSide side) {
}
