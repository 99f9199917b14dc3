package io.aviary.trading.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored fill. */
public record TradeRow(long id, String accountName, String connectorName, String tradingPair, String tradeId,
        String clientOrderId, String tradeType, String positionAction, BigDecimal price, BigDecimal amount,
        BigDecimal fee, String feeCurrency, boolean maker, Instant filledAt) {
}
