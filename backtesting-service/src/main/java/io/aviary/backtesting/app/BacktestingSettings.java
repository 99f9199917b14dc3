package io.aviary.backtesting.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workers       backtests running at once, direct runs and tasks alike ({@code BACKTEST_WORKERS}; 0 = one per
 *                      core): each is one CPU-bound thread, so more than the cores only slows every run down
 * @param queueCapacity backtests waiting for a worker ({@code BACKTEST_QUEUE_CAPACITY}); beyond it, 429
 * @param keptTasks     finished tasks kept with their results ({@code BACKTEST_KEPT_TASKS}), oldest removed first
 * @param processedDataMaxValues the most values (rows × columns) a {@code processed_data} other than {@code {}} may
 *                      hold ({@code BACKTEST_PROCESSED_DATA_MAX_VALUES}); a request over it is refused with 422
 *                      rather than answered with tens of megabytes
 */
@ConfigurationProperties("aviary.backtesting")
public record BacktestingSettings(int workers, int queueCapacity, int keptTasks, long processedDataMaxValues) {

    public BacktestingSettings {
        if (workers < 0 || queueCapacity < 1 || keptTasks < 1 || processedDataMaxValues < 0) {
            throw new IllegalStateException("aviary.backtesting: workers must be >= 0 (0 = one per core), "
                    + "queue-capacity and kept-tasks >= 1, processed-data-max-values >= 0");
        }
    }

    public int workerThreads() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
