package io.aviary.accounts.infra;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a call on its own virtual thread and stops waiting after a time bound, so a caller that must
 * not hang (the event consumer) gets an answer or a failure in time. The abandoned call is
 * interrupted and finishes on its own thread.
 */
final class BoundedCall implements AutoCloseable {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration bound;

    BoundedCall(Duration bound) {
        this.bound = bound;
    }

    Duration bound() {
        return bound;
    }

    /**
     * @throws TimeoutException   when the call took longer than the bound
     * @throws ExecutionException wrapping whatever the call threw
     */
    <T> T call(Supplier<T> call) throws TimeoutException, ExecutionException {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(call, threads);
        try {
            return result.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new TimeoutException("interrupted while waiting");
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
