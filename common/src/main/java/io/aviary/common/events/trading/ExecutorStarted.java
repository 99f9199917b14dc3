package io.aviary.common.events.trading;

import java.time.Instant;

/**
 * An executor created through {@code POST /executors} started on a trading session. {@code side} is
 * {@code BUY}/{@code SELL} (null for types without one); {@code config} is not carried: it may be large, and
 * {@code GET /executors/{id}} returns it.
 */
public record ExecutorStarted(String accountName, String connectorName, String executorId, String executorType,
        String tradingPair, String controllerId, String side, Instant startedAt) implements TradingEvent {

    @Override
    public String aggregateKey() {
        return TradingEvent.executorKey(accountName, connectorName, executorId);
    }
}
