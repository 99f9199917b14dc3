package io.aviary.connectors.model;

import java.math.BigDecimal;

/** An open perpetual position; {@code amount} is positive, the side says its direction. */
public record Position(TradingPair tradingPair, PositionSide side, BigDecimal amount, BigDecimal entryPrice,
        BigDecimal markPrice, BigDecimal unrealizedPnl, int leverage, BigDecimal liquidationPrice) {
}
