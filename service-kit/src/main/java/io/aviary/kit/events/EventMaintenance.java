package io.aviary.kit.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the event tables' housekeeping on one background thread: parked events are replayed every
 * {@code replayInterval} and the retention job prunes every {@code pruneInterval}. A run that fails (the database
 * is away) is logged and simply tried again at the next tick.
 */
public class EventMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventMaintenance.class);
    /** Let the service finish starting (and its inbox catch up) before the first runs. */
    private static final Duration FIRST_RUN = Duration.ofSeconds(30);

    private final DeadLetterReplay replay;
    private final EventRetention retention;
    private final Duration replayInterval;
    private final Duration pruneInterval;
    private ScheduledExecutorService scheduler;

    public EventMaintenance(DeadLetterReplay replay, EventRetention retention, Duration replayInterval,
            Duration pruneInterval) {
        this.replay = replay;
        this.retention = retention;
        this.replayInterval = replayInterval;
        this.pruneInterval = pruneInterval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("event-maintenance").factory());
        scheduler.scheduleWithFixedDelay(this::replayParked, Math.min(FIRST_RUN.toMillis(), replayInterval.toMillis()),
                replayInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::prune, FIRST_RUN.toMillis(), pruneInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void replayParked() {
        try {
            int replayed = replay.replayAll();
            if (replayed > 0) {
                log.info("Replayed {} parked event(s)", replayed);
            }
        } catch (RuntimeException e) {
            log.warn("Replay of parked events did not run: {}", InboxFailures.describe(e));
        }
    }

    private void prune() {
        try {
            EventRetention.Pruned pruned = retention.pruneAll();
            if (pruned.outboxRows() + pruned.inboxIds() > 0) {
                log.info("Pruned {} published outbox row(s) and {} inbox id(s) past the retention period",
                        pruned.outboxRows(), pruned.inboxIds());
            }
        } catch (RuntimeException e) {
            log.warn("Pruning the event tables did not run: {}", InboxFailures.describe(e));
        }
    }
}
