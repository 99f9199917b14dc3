package io.aviary.simexchange.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Drives the venue clock on one daemon thread at real time: a simulation tick every
 * {@code sim.exchange.simulation-tick}, a snapshot check every 30 s. A failing tick is logged and
 * the next one runs anyway.
 */
public final class SimulationScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulationScheduler.class);

    private final SimulationService simulation;
    private final PersistenceService persistence;
    private final Duration tick;
    private ScheduledExecutorService executor;

    public SimulationScheduler(SimulationService simulation, PersistenceService persistence, Duration tick) {
        this.simulation = simulation;
        this.persistence = persistence;
        this.tick = tick;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-clock");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(() -> guarded("simulation tick", simulation::tick), tick.toMillis(),
                tick.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> guarded("snapshot", persistence::compactIfDue), 30, 30, TimeUnit.SECONDS);
    }

    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("{} failed", what, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
