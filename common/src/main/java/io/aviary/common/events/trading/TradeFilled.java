package io.aviary.common.events.trading;

import java.math.BigDecimal;
import java.time.Instant;

/** One execution of one of our orders, recorded once ({@code tradeId} is unique per venue and pair). */
public record TradeFilled(String accountName, String connectorName, String tradeId, String clientOrderId,
        String tradingPair, String tradeType, BigDecimal price, BigDecimal amount, BigDecimal fee, String feeAsset,
        boolean maker, String positionAction, Instant filledAt) implements TradingEvent {

    @Override
    public String aggregateKey() {
        return TradingEvent.orderKey(accountName, connectorName, clientOrderId);
    }
}
