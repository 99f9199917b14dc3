package io.aviary.connectors.venues.support;

import io.aviary.connectors.port.Subscription;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Poll-based streams for venues (or stream kinds) without a usable websocket client. */
public final class Polling {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "aviary-venue-poll-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private Polling() {
    }

    /**
     * Runs {@code task} now and then every {@code interval} until closed. A failing run reports to
     * {@code onError} and the next run happens as scheduled (the caller resyncs on its next success).
     */
    public static Subscription every(Duration interval, Runnable task, Consumer<Throwable> onError) {
        AtomicBoolean closed = new AtomicBoolean();
        ScheduledFuture<?> future = SCHEDULER.scheduleWithFixedDelay(() -> {
            if (closed.get()) {
                return;
            }
            try {
                task.run();
            } catch (Throwable t) {
                try {
                    onError.accept(t);
                } catch (RuntimeException ignored) {
                    // a listener's failure must not stop the poller
                }
            }
        }, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
        return () -> {
            if (closed.compareAndSet(false, true)) {
                future.cancel(false);
            }
        };
    }
}
