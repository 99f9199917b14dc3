package io.aviary.trading.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;

/** One stored order with what its fills add up to. {@code price} is null for MARKET orders. */
public record OrderRecord(long id, String accountName, String connectorName, String clientOrderId,
        String exchangeOrderId, String tradingPair, String tradeType, String orderType, String positionAction,
        BigDecimal amount, BigDecimal price, String state, OrderStatus status, BigDecimal filledAmount,
        BigDecimal filledQuote, BigDecimal feePaid, String feeCurrency, String errorMessage, Instant createdAt,
        Instant updatedAt) {

    public SessionKey session() {
        return new SessionKey(accountName, connectorName);
    }

    /** Σ price·amount / Σ amount of the fills; null before the first fill. */
    public BigDecimal averageFillPrice() {
        return filledAmount.signum() == 0 ? null : filledQuote.divide(filledAmount, MathContext.DECIMAL64);
    }
}
