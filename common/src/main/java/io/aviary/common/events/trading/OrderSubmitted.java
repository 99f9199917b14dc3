package io.aviary.common.events.trading;

import java.math.BigDecimal;
import java.time.Instant;

/** An order was accepted for placement and recorded before it was sent to the venue. {@code price} is null for MARKET. */
public record OrderSubmitted(String accountName, String connectorName, String clientOrderId, String tradingPair,
        String tradeType, String orderType, BigDecimal amount, BigDecimal price, String positionAction,
        Instant submittedAt) implements TradingEvent {

    @Override
    public String aggregateKey() {
        return TradingEvent.orderKey(accountName, connectorName, clientOrderId);
    }
}
