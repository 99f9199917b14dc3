package io.aviary.trading.app.session;

import io.aviary.trading.domain.SessionKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one kind of per-session job (reconcile, poll balances) at most once at a time per session,
 * coalescing requests: asking again while a run is pending adds nothing, asking while it runs
 * schedules exactly one more run afterwards. Runs on virtual threads because jobs wait on venues.
 */
final class SessionWork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionWork.class);

    private static final class State {
        boolean scheduled;
        boolean running;
        boolean again;
    }

    private final String name;
    private final Consumer<SessionKey> job;
    private final Map<SessionKey, State> states = new HashMap<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();

    SessionWork(String name, Consumer<SessionKey> job) {
        this.name = name;
        this.job = job;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
    }

    void requestSoon(SessionKey key, Duration delay) {
        synchronized (states) {
            State state = states.computeIfAbsent(key, k -> new State());
            if (state.running) {
                state.again = true;
                return;
            }
            if (state.scheduled) {
                return;
            }
            state.scheduled = true;
        }
        schedule(key, delay);
    }

    private void schedule(SessionKey key, Duration delay) {
        if (!timer.isShutdown()) {
            timer.schedule(() -> runners.execute(() -> run(key)), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void run(SessionKey key) {
        synchronized (states) {
            State state = states.get(key);
            state.scheduled = false;
            state.running = true;
        }
        try {
            job.accept(key);
        } catch (RuntimeException e) {
            log.warn("{} of {} failed: {}", name, key, e.toString());
        } finally {
            boolean again;
            synchronized (states) {
                State state = states.get(key);
                state.running = false;
                again = state.again;
                state.again = false;
                state.scheduled = again;
                if (!again) {
                    states.remove(key);
                }
            }
            if (again) {
                schedule(key, Duration.ZERO);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        runners.shutdownNow();
    }
}
