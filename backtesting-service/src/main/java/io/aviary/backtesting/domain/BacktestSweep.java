package io.aviary.backtesting.domain;

import java.time.Instant;

/**
 * A stored sweep. {@code request} is JSON text (the shared backtest, the validated base config, the parameters, the
 * search with its seed and the ranking); {@code completedVariants} counts variants that ended (ran or failed).
 */
public record BacktestSweep(String id, TaskStatus status, int variants, int completedVariants, String rankBy,
        boolean descending, String request, Instant createdAt, Instant startedAt, Instant completedAt, String error) {
}
