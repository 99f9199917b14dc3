package io.aviary.backtesting.app;

import io.aviary.backtesting.domain.BacktestRequest;
import io.aviary.kit.failure.UseCaseException;
import io.aviary.strategy.backtest.BacktestResult;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Service;

/**
 * Direct backtests ({@code /run}, {@code /run-backtesting}): validated on the request thread, run on the bounded
 * worker pool while the request waits, so a burst of them queues or is refused instead of taking the API's threads.
 */
@Service
public class Backtests {

    private final BacktestRunner runner;
    private final BacktestWorkers workers;

    public Backtests(BacktestRunner runner, BacktestWorkers workers) {
        this.runner = runner;
        this.workers = workers;
    }

    /** ca19b95's answer: executors, processed_data, results. */
    public Map<String, Object> runCompact(BacktestRequest request) {
        return ResultMaps.compact(run(request), request.processedData());
    }

    /** HEAD's answer: also position holds and the PnL time series. */
    public Map<String, Object> runFull(BacktestRequest request) {
        return ResultMaps.full(run(request), request.processedData());
    }

    private BacktestResult run(BacktestRequest request) {
        BacktestRunner.Prepared prepared = runner.prepare(request);
        AtomicBoolean abandoned = new AtomicBoolean();
        Future<BacktestRunner.Outcome> future = workers.submit(
                () -> runner.run(prepared, (candle, total) -> abandoned.get()));
        try {
            return future.get().result();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UseCaseException refusal) {
                throw refusal;
            }
            throw new IllegalStateException("backtest failed", e.getCause());
        } catch (InterruptedException e) {
            // the caller went away: stop the run at its next cancellation check
            abandoned.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the backtest", e);
        }
    }
}
