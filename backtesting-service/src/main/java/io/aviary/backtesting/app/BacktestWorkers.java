package io.aviary.backtesting.app;

import io.aviary.kit.failure.TooBusy;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;

/**
 * The bounded pool every backtest runs on: a fixed number of CPU-bound worker threads and a bounded queue, so a
 * backtest never runs on a request thread (hummingbot-api#188: one backtest froze the original's whole API) and a
 * burst is refused with 429 instead of piling up.
 */
@Component
public class BacktestWorkers {

    private final ThreadPoolExecutor pool;
    private final int threads;
    private final int queueCapacity;

    public BacktestWorkers(BacktestingSettings settings) {
        this.threads = settings.workerThreads();
        this.queueCapacity = settings.queueCapacity();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "backtest-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Queues a background job whose bookkeeping the caller already wrote (a stored row, a live entry); when the queue
     * is full, {@code undo} removes that bookkeeping before the refusal reaches the client, so nothing half-made stays.
     *
     * @throws TooBusy when every worker is busy and the queue is full
     */
    public void submitOrUndo(Runnable job, Runnable undo) {
        try {
            submit(() -> {
                job.run();
                return null;
            });
        } catch (TooBusy e) {
            undo.run();
            throw e;
        }
    }

    /** @throws TooBusy when every worker is busy and the queue is full */
    public <T> Future<T> submit(Callable<T> job) {
        try {
            return pool.submit(job);
        } catch (RejectedExecutionException e) {
            throw new TooBusy("All " + threads + " backtest workers are busy and " + queueCapacity
                    + " backtests are waiting; retry later");
        }
    }

    /** The number of worker threads. */
    public int threads() {
        return threads;
    }

    /** Whether a backtest is waiting for a worker (a sweep's lane then gives its worker up between variants). */
    public boolean hasWaiting() {
        return !pool.getQueue().isEmpty();
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
