package io.aviary.common.events.trading;

import java.math.BigDecimal;
import java.time.Instant;

/** A perpetual position changed; {@code amount} zero means it was closed. {@code side} is LONG, SHORT or BOTH. */
public record PositionUpdated(String accountName, String connectorName, String tradingPair, String side,
        BigDecimal amount, BigDecimal entryPrice, BigDecimal unrealizedPnl, int leverage, Instant updatedAt)
        implements TradingEvent {

    @Override
    public String aggregateKey() {
        return TradingEvent.sessionKey(accountName, connectorName) + "/" + tradingPair;
    }
}
