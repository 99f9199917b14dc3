package io.aviary.backtesting.app;

import io.aviary.backtesting.domain.TaskStatus;
import io.aviary.backtesting.infra.TaskRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code aviary_backtests{status}}: backtest tasks by state (pending, running, completed, failed, cancelled), read
 * from the task table at each scrape, so every replica reports the same suite-wide numbers (a dashboard takes
 * {@code max}, not {@code sum}); NaN while the database is away.
 */
@Component
public class BacktestMetrics implements MeterBinder {

    private final TaskRepository tasks;

    public BacktestMetrics(TaskRepository tasks) {
        this.tasks = tasks;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (TaskStatus status : TaskStatus.values()) {
            Gauge.builder("aviary.backtests", tasks, t -> count(t, status))
                    .description("backtest tasks by state")
                    .tag("status", status.wireName())
                    .register(registry);
        }
    }

    private static double count(TaskRepository tasks, TaskStatus status) {
        try {
            return tasks.count(status);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
