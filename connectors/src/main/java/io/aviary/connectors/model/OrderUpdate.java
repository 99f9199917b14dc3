package io.aviary.connectors.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The venue's view of one order. {@code reason} explains a FAILED order (the venue's words) and is
 * null otherwise.
 */
public record OrderUpdate(String clientOrderId, String exchangeOrderId, TradingPair tradingPair, TradeType side,
        OrderType type, BigDecimal price, BigDecimal amount, OrderState state, BigDecimal executedBase,
        BigDecimal executedQuote, Instant updatedAt, String reason) {
}
