package io.aviary.common.events.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The venue reported a new state of an order (OPEN, PARTIALLY_FILLED, FILLED, CANCELED, FAILED…).
 * {@code reason} is the venue's explanation of a FAILED order and null otherwise.
 */
public record OrderUpdated(String accountName, String connectorName, String clientOrderId, String exchangeOrderId,
        String tradingPair, String state, BigDecimal executedBase, BigDecimal executedQuote, String reason,
        Instant updatedAt) implements TradingEvent {

    @Override
    public String aggregateKey() {
        return TradingEvent.orderKey(accountName, connectorName, clientOrderId);
    }
}
