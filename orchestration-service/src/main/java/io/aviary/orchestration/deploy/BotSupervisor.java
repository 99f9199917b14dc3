package io.aviary.orchestration.deploy;

import io.aviary.orchestration.domain.BotRuntimeDriver;
import io.aviary.orchestration.domain.BotRuntimeDriver.RuntimeState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.aviary.kit.ownership.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts a deployed bot again when its process, container or pod ended without anyone stopping it (a crash, an OOM
 * kill, a SIGKILL): the restart policy Hummingbot's containers do not have. A bot counts as ended unexpectedly when
 * its run is still RUNNING, no stop-and-archive job is stopping it, and the runtime reports it EXITED, or does not
 * know it at all while its instance folder is still there (the process runtime after an orchestration restart only
 * re-adopts live bots). The restarted bot reconciles what its ended run left on the venue (ADR 0016). Restarts back
 * off (the backoff, then 3× per restart) and stop after {@code maxRestarts} within an hour; the run's error then says
 * so and the bot stays down.
 * <p>Replicas (ADR 0030): only the replica holding the lease {@value #LEASE} supervises; the others' passes do
 * nothing until its holder stops renewing (then the next pass elsewhere takes it over). A bot whose stop-and-archive
 * job runs on any replica is left alone. The restart history is the supervisor's memory: a take-over starts it afresh.
 */
@Component
public class BotSupervisor implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BotSupervisor.class);
    private static final Duration WINDOW = Duration.ofHours(1);
    static final String LEASE = "orchestration-supervisor";

    private final BotRuntimeDriver runtime;
    private final BotRuns runs;
    private final BotDeployments deployments;
    private final StopAndArchiveJobs jobs;
    private final BotsFolders folders;
    private final Leases leases;
    private final Clock clock = Clock.systemUTC();
    private final Duration checkEvery;
    private final Duration backoff;
    private final int maxRestarts;
    private final Map<String, Restarts> restarts = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public BotSupervisor(BotRuntimeDriver runtime, BotRuns runs, BotDeployments deployments, StopAndArchiveJobs jobs,
            BotsFolders folders, Leases leases,
            @Value("${aviary.bots.restart-check:10s}") Duration checkEvery,
            @Value("${aviary.bots.restart-backoff:10s}") Duration backoff,
            @Value("${aviary.bots.max-restarts:3}") int maxRestarts) {
        this.runtime = runtime;
        this.runs = runs;
        this.deployments = deployments;
        this.jobs = jobs;
        this.folders = folders;
        this.leases = leases;
        this.checkEvery = checkEvery;
        this.backoff = backoff;
        this.maxRestarts = maxRestarts;
    }

    /** One pass over the deployed bots; public for tests that drive it without waiting for the schedule. */
    public void check() {
        if (!supervising()) {
            return;
        }
        for (String botName : runs.deployedBotNames()) {
            try {
                checkBot(botName);
            } catch (RuntimeException e) {
                // the runtime cannot be asked (a Docker engine down): the next pass tries again
                LOG.warn("Supervision of bot {} skipped this time: {}", botName, e.getMessage());
            }
        }
    }

    /** Whether this replica is the supervisor now: it holds the lease, or took it because nobody held it. */
    private boolean supervising() {
        boolean supervising = leases.tryAcquire(LEASE, lease -> LOG.warn("This replica no longer supervises the bots "
                + "(lease {} lost); another replica takes over", LEASE)).isPresent();
        if (!supervising) {
            restarts.clear();
        }
        return supervising;
    }

    private void checkBot(String botName) {
        Optional<BotRun> run = runs.deployedBot(botName);
        if (run.isEmpty() || !BotRun.RUNNING.equals(run.get().runStatus()) || jobs.isActive(botName)) {
            return;
        }
        Optional<RuntimeState> state = runtime.state(botName);
        boolean ended = state.map(s -> s == RuntimeState.EXITED)
                .orElseGet(() -> java.nio.file.Files.isDirectory(folders.instance(botName)));
        if (!ended) {
            return;
        }
        Restarts history = restarts.computeIfAbsent(botName, name -> new Restarts());
        Instant now = clock.instant();
        synchronized (history) {
            history.forgetBefore(now.minus(WINDOW));
            if (history.count() >= maxRestarts) {
                if (!history.gaveUp) {
                    history.gaveUp = true;
                    String problem = "the bot ended " + (maxRestarts + 1) + " times within " + WINDOW.toMinutes()
                            + " min and is not started again: see its logs/bot.log";
                    runs.recordError(botName, problem);
                    LOG.error("Bot {}: {}", botName, problem);
                }
                return;
            }
            if (now.isBefore(history.nextAllowed(backoff))) {
                return;
            }
            history.record(now);
            deployments.restart(run.get());
            runs.recordError(botName, "restarted at " + now + " after its " + runtime.kind()
                    + " ended without a stop (restart " + history.count() + " of at most " + maxRestarts + " per hour)");
            LOG.warn("Bot {} had ended without a stop; started it again (restart {} of at most {} per hour)", botName,
                    history.count(), maxRestarts);
        }
    }

    /** The restarts of one bot within the window. */
    private static final class Restarts {
        private final Deque<Instant> times = new ArrayDeque<>();
        private boolean gaveUp;

        void forgetBefore(Instant start) {
            while (!times.isEmpty() && times.peekFirst().isBefore(start)) {
                times.pollFirst();
            }
            if (times.isEmpty()) {
                gaveUp = false;
            }
        }

        int count() {
            return times.size();
        }

        /** The first restart at once; each later one waits backoff × 3^(n−1) after the previous. */
        Instant nextAllowed(Duration backoff) {
            if (times.isEmpty()) {
                return Instant.MIN;
            }
            long factor = (long) Math.pow(3, times.size() - 1);
            return times.peekLast().plus(backoff.multipliedBy(factor));
        }

        void record(Instant at) {
            times.addLast(at);
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("bot-supervisor").daemon()
                .factory());
        scheduler.scheduleWithFixedDelay(this::checkQuietly, checkEvery.toMillis(), checkEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // never out of the scheduled task: an exception would cancel every later check
            LOG.warn("Bot supervision pass failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
