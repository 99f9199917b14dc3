package io.aviary.orchestration.mqtt;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Takes a {@link ControllerPerformance#snapshot()} every {@code BROKER_PERFORMANCE_DUMP_INTERVAL}. */
@Component
public class PerformanceDump implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PerformanceDump.class);

    private final ControllerPerformance performance;
    private final BrokerSettings settings;
    private ScheduledExecutorService scheduler;

    public PerformanceDump(ControllerPerformance performance, BrokerSettings settings) {
        this.performance = performance;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "performance-dump");
            t.setDaemon(true);
            return t;
        });
        long ms = settings.dumpInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::dump, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void dump() {
        try {
            int n = performance.snapshot();
            log.debug("Stored {} controller performance snapshots", n);
        } catch (RuntimeException e) {
            // the database may be down for a moment; the next interval tries again
            log.warn("Controller performance snapshot failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
