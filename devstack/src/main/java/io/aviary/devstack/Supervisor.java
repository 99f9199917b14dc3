package io.aviary.devstack;

import io.aviary.devstack.RestartLimiter.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts what the suite started when it dies unexpectedly: each service JVM and the embedded PostgreSQL (a
 * separate postgres process). Services stopped or killed on purpose through the {@link Suite} are left alone, and so
 * is everything once the suite is closing. Restarts follow a {@link RestartPolicy}: growing delays, and a process
 * caught in a restart loop is reported and left stopped. The in-JVM Kafka and MQTT brokers are not supervised: they
 * die only with the launcher itself (and the watchdog then stops the rest).
 *
 * <p>One daemon thread polls twice a second; what it reports goes to the console consumer and to devstack.log.
 */
final class Supervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
    private static final long TICK_MILLIS = 500;
    private static final long NOT_SCHEDULED = Long.MIN_VALUE;

    private final Suite suite;
    private final RestartPolicy policy;
    private final Consumer<String> console;
    private final List<Watched> watched = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    private Supervisor(Suite suite, RestartPolicy policy, List<String> modules, Consumer<String> console) {
        this.suite = suite;
        this.policy = policy;
        this.console = console;
        if (suite.infrastructure().postgres() != null) {
            watched.add(new WatchedPostgres(suite.infrastructure().postgres()));
        }
        modules.forEach(module -> watched.add(new WatchedService(module)));
        this.thread = Thread.ofPlatform().daemon().name("aviary-supervisor").unstarted(this::run);
    }

    /** Starts supervising the embedded PostgreSQL (if any) and {@code modules}. */
    static Supervisor start(Suite suite, RestartPolicy policy, List<String> modules, Consumer<String> console) {
        Supervisor supervisor = new Supervisor(suite, policy, modules, console);
        supervisor.thread.start();
        log.info("Supervising {} ({})", supervisor.watched.stream().map(w -> w.name).toList(), policy.describe());
        return supervisor;
    }

    private void run() {
        while (!closed && !suite.isClosing()) {
            for (Watched w : watched) {
                try {
                    check(w, System.nanoTime());
                } catch (RuntimeException e) {
                    log.warn("Supervising {} failed: {}", w.name, e.toString(), e);
                }
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void check(Watched w, long now) {
        if (w.gaveUp || suite.isClosing()) {
            return;
        }
        if (w.restartAt == NOT_SCHEDULED) {
            if (w.isDown()) {
                decide(w, now);
            }
        } else if (now - w.restartAt >= 0) {
            w.restartAt = NOT_SCHEDULED;
            bringBack(w);
        }
    }

    private void decide(Watched w, long now) {
        String how = w.howItDied();
        switch (w.limiter.onUnexpectedExit(now)) {
            case Decision.Restart r -> {
                w.restartAt = now + r.delay().toNanos();
                say("WARNING: " + w.name + " " + how + "; restarting it in " + r.delay().toSeconds() + " s (restart "
                        + r.restart() + " of at most " + policy.describe() + ")." + w.meanwhile());
            }
            case Decision.GiveUp g -> {
                w.gaveUp = true;
                say("ERROR: " + w.name + " " + how + " again after " + g.restarts() + " restarts: a restart loop ("
                        + policy.describe() + " allowed). Leaving it stopped; fix the cause and start Aviary again."
                        + w.lastWords());
            }
        }
    }

    private void bringBack(Watched w) {
        long t0 = System.nanoTime();
        try {
            w.restart(t0);
        } catch (Exception e) {
            // still down: the next tick sees it and decides again (with a longer delay, or gives up)
            say("WARNING: restarting " + w.name + " failed: " + e.getMessage());
        }
    }

    private void say(String line) {
        log.warn(line);
        console.accept(line);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    /** One supervised process and its restart budget. */
    private abstract class Watched {
        final String name;
        final RestartLimiter limiter = new RestartLimiter(policy);
        long restartAt = NOT_SCHEDULED;
        boolean gaveUp;

        Watched(String name) {
            this.name = name;
        }

        /** Gone, and not stopped on purpose. */
        abstract boolean isDown();

        /** "exited with status 137". */
        abstract String howItDied();

        /** Starts it again; failing that, throws (it is then still down). */
        abstract void restart(long startNanos) throws Exception;

        /** What users see while it is down, as one sentence; "" when nothing to add. */
        String meanwhile() {
            return "";
        }

        /** The end of its log, for the restart-loop report. */
        String lastWords() {
            return "";
        }
    }

    private final class WatchedService extends Watched {

        WatchedService(String module) {
            super(module);
        }

        @Override
        boolean isDown() {
            return !suite.isStoppedOnPurpose(name) && !suite.service(name).isAlive();
        }

        @Override
        String howItDied() {
            return "exited unexpectedly with status " + suite.service(name).exitCode().orElse(-1);
        }

        @Override
        void restart(long startNanos) {
            Optional<ServiceProcess> relaunched = suite.relaunchCrashed(name);
            relaunched.ifPresent(p -> Thread.ofVirtual().name("await-" + name).start(() -> reportWhenUp(p, startNanos)));
        }

        private void reportWhenUp(ServiceProcess p, long startNanos) {
            if (p.awaitHealthy(suite.config().startTimeout())) {
                say(name + " is back: UP again in " + Suite.seconds(System.nanoTime() - startNanos) + " (pid " + p.pid() + ").");
            } else if (p.isAlive() && !suite.isClosing()) {
                say("WARNING: " + name + " was restarted but is not healthy after " + suite.config().startTimeout().toSeconds()
                        + " s; see " + p.logFile());
            }
        }

        @Override
        String meanwhile() {
            boolean behindGateway = !name.equals("gateway") && suite.config().services().stream().anyMatch(ServiceSpec::isGateway);
            return behindGateway ? " Meanwhile the gateway answers 503 for it." : "";
        }

        @Override
        String lastWords() {
            ServiceProcess p = suite.service(name);
            return " Last lines of " + p.logFile() + ":\n" + Suite.indent(p.tail(20));
        }
    }

    private final class WatchedPostgres extends Watched {
        private final EmbeddedPostgresServer postgres;
        /** Seen dead and not yet running again (a failed restart leaves zonky without a server object). */
        private boolean down;
        private long lastPid = -1;

        WatchedPostgres(EmbeddedPostgresServer postgres) {
            super("PostgreSQL");
            this.postgres = postgres;
            postgres.postmaster().ifPresent(p -> lastPid = p.pid());
        }

        @Override
        boolean isDown() {
            if (!down && postgres.hasDied()) {
                down = true;
            }
            return down;
        }

        @Override
        String howItDied() {
            return "(postmaster" + (lastPid > 0 ? " pid " + lastPid : "") + ") stopped unexpectedly";
        }

        @Override
        void restart(long startNanos) throws Exception {
            if (!suite.restartPostgresAfterCrash()) {
                down = false; // stopped on purpose meanwhile: nothing to supervise
                return;
            }
            down = false;
            postgres.postmaster().ifPresent(p -> lastPid = p.pid());
            say("PostgreSQL is back on 127.0.0.1:" + postgres.port() + " after " + Suite.seconds(System.nanoTime() - startNanos)
                    + " (pid " + lastPid + "); the services reconnect by themselves.");
        }

        @Override
        String meanwhile() {
            return " Meanwhile the services answer 503 \"database unavailable\".";
        }
    }
}
