package io.aviary.backtesting.domain;

import java.time.Instant;

/**
 * A stored backtest task. {@code request} and {@code result} are JSON text ({@code result} only when completed);
 * {@code progress} is a percentage of candles run.
 */
public record BacktestTask(String id, TaskStatus status, int progress, String request, Instant createdAt,
        Instant startedAt, Instant completedAt, String error, String result) {
}
