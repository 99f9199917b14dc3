package io.aviary.backtesting.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workers       backtests running at once, direct runs and tasks alike ({@code BACKTEST_WORKERS}; 0 = one per
 *                      core): each is one CPU-bound thread, so more than the cores only slows every run down
 * @param queueCapacity backtests waiting for a worker ({@code BACKTEST_QUEUE_CAPACITY}); beyond it, 429
 * @param keptTasks     finished tasks kept with their results ({@code BACKTEST_KEPT_TASKS}), oldest removed first
 */
@ConfigurationProperties("aviary.backtesting")
public record BacktestingSettings(int workers, int queueCapacity, int keptTasks) {

    public BacktestingSettings {
        if (workers < 0 || queueCapacity < 1 || keptTasks < 1) {
            throw new IllegalStateException("aviary.backtesting: workers must be >= 0 (0 = one per core), "
                    + "queue-capacity and kept-tasks >= 1");
        }
    }

    public int workerThreads() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
