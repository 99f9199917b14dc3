package io.aviary.common.events.backtesting;

import io.aviary.common.events.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A backtest task of backtesting-service finished all its candles. Keyed by the task id; the result itself is not
 * carried (it can be megabytes): consumers read it from {@code GET /backtesting/tasks/{taskId}}.
 *
 * @param taskId         the task's id
 * @param controllerName the controller backtested, e.g. {@code bollinger_v1}
 * @param connectorName  the candles' connector
 * @param tradingPair    the candles' pair
 * @param startTime      first candle's open time asked for
 * @param endTime        last candle's open time asked for
 * @param candles        candles run
 * @param totalExecutors executors the controller created
 * @param netPnlQuote    the result's {@code net_pnl_quote}
 * @param completedAt    when it finished
 */
public record BacktestCompleted(String taskId, String controllerName, String connectorName, String tradingPair,
        Instant startTime, Instant endTime, int candles, int totalExecutors, BigDecimal netPnlQuote,
        Instant completedAt) implements DomainEvent {

    @Override
    public String aggregateKey() {
        return taskId;
    }
}
