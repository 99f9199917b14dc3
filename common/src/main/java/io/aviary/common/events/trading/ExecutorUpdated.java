package io.aviary.common.events.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A running executor's state or figures changed (throttled by the host: at most one per executor per second, and
 * only on a change). {@code status} is Hummingbot's {@code RunnableStatus} name; money in the quote asset;
 * {@code netPnlPct} a fraction as Hummingbot reports it.
 */
public record ExecutorUpdated(String accountName, String connectorName, String executorId, String tradingPair,
        String status, boolean trading, BigDecimal netPnlQuote, BigDecimal netPnlPct, BigDecimal cumFeesQuote,
        BigDecimal filledAmountQuote, Instant updatedAt) implements TradingEvent {

    @Override
    public String aggregateKey() {
        return TradingEvent.executorKey(accountName, connectorName, executorId);
    }
}
