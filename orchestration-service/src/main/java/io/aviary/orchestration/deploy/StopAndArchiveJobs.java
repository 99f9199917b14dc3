package io.aviary.orchestration.deploy;

import io.aviary.common.events.orchestration.BotArchived;
import io.aviary.common.events.orchestration.BotStopped;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.OwnedElsewhere;
import io.aviary.kit.ownership.Lease;
import io.aviary.kit.ownership.Leases;
import io.aviary.kit.s3.StoredObject;
import io.aviary.orchestration.domain.ArchiveTarget;
import io.aviary.orchestration.domain.BotControl;
import io.aviary.orchestration.domain.BotRuntimeDriver;
import io.aviary.orchestration.infra.S3BotArchive;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stop-and-archive as a tracked job (api-catalog §1.6 #7): the bot's strategy is stopped over MQTT (when the bot is
 * live there), then after a settle time its runtime is stopped, its instance folder moved to
 * {@code bots/archived/<bot>} (or packed, uploaded to an S3 bucket and verified, and only then deleted: see
 * {@link S3BotArchive}), the runtime's leftovers removed, the run marked ARCHIVED and {@link BotArchived} announced.
 * Each job is kept in memory for polling; the bot run in PostgreSQL is the lasting record. A failed upload fails the
 * job at its {@code archive} step with the reason, and the instance folder stays where it was.
 * <p>Replicas (ADR 0030): a job runs only under the bot's lease {@code orchestration-stop-archive/<bot>}, so one job
 * per bot runs across all replicas; the bot's latest job is also in {@code stop_archive_job}, so a replica asked for
 * a bot whose job runs elsewhere answers 409 naming that job and its replica. A job whose replica died (its lease
 * expired) may be started again: every step tolerates what the dead job already did (a bot no longer live on MQTT is
 * stopped by its runtime, stopping a stopped runtime is a no-op, an instance folder already moved to
 * {@code bots/archived} counts as archived), so the bot is never left half-archived; only an S3 archive whose
 * upload was verified and folder deleted before the death cannot be done again (the job then fails naming the
 * missing folder, and the object is in the bucket).
 */
@Service
public class StopAndArchiveJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StopAndArchiveJobs.class);
    static final String LEASE_PREFIX = "orchestration-stop-archive/";

    private final BotRuns runs;
    private final BotsFolders folders;
    private final BotRuntimeDriver runtime;
    private final S3BotArchive s3Archive;
    private final ObjectProvider<BotControl> control;
    private final EventOutbox outbox;
    private final TransactionTemplate tx;
    private final Leases leases;
    private final StopArchiveJobRows rows;
    private final Duration stopTimeout;
    private final Duration settle;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> activeByBot = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    /** Where a job is. */
    public enum State { RUNNING, COMPLETED, FAILED }

    /**
     * One job's progress.
     *
     * @param step        the step it is on or ended at: mqtt_stop, settle, runtime_stop, archive, remove, done
     * @param archivePath once archived: relative to {@code BOTS_PATH}, or the object key in {@code s3Bucket}
     * @param s3Bucket    the bucket of an S3 archive; {@code null} for a local one
     */
    public record Job(String id, String botName, State state, String step, String archivePath, String s3Bucket,
            String error, Instant startedAt, Instant endedAt) {

        Job at(String newStep) {
            return new Job(id, botName, state, newStep, archivePath, s3Bucket, error, startedAt, endedAt);
        }
    }

    /** Where the folder went: a path under {@code BOTS_PATH} or an object key, with its bucket. */
    private record Archived(String path, String bucket) {
    }

    public StopAndArchiveJobs(BotRuns runs, BotsFolders folders, BotRuntimeDriver runtime, S3BotArchive s3Archive,
            ObjectProvider<BotControl> control, EventOutbox outbox, TransactionTemplate tx, Leases leases,
            StopArchiveJobRows rows,
            @Value("${aviary.bots.archive.stop-timeout:30s}") Duration stopTimeout,
            @Value("${aviary.bots.archive.settle:5s}") Duration settle) {
        this.runs = runs;
        this.folders = folders;
        this.runtime = runtime;
        this.s3Archive = s3Archive;
        this.control = control;
        this.outbox = outbox;
        this.tx = tx;
        this.leases = leases;
        this.rows = rows;
        this.stopTimeout = stopTimeout;
        this.settle = settle;
    }

    /**
     * Starts the job and returns at once.
     *
     * @param archiveLocally Hummingbot's {@code archive_locally}; {@code false} or a named {@code s3Bucket} = S3
     * @throws NotFound for a bot that is not deployed; {@link Conflict} when a job for it runs already; the
     *                  refusals of {@link S3BotArchive#target} for a bad bucket or S3 without credentials
     */
    public Job start(String rawBotName, boolean skipOrderCancellation, boolean archiveLocally, String s3Bucket) {
        String botName = BotsFolders.botName(rawBotName);
        ArchiveTarget target = s3Archive.target(archiveLocally, s3Bucket);
        if (runs.deployedBot(botName).isEmpty()) {
            throw new NotFound("Bot '" + botName + "' not found in deployed bots. Deployed bots: "
                    + runs.deployedBotNames().stream().limit(20).toList());
        }
        Job job = new Job(UUID.randomUUID().toString(), botName, State.RUNNING, "mqtt_stop", null,
                target instanceof ArchiveTarget.S3 s3 ? s3.bucket() : null, null, clock.instant(), null);
        if (activeByBot.putIfAbsent(botName, job.id()) != null) {
            throw new Conflict("Stop and archive of bot '" + botName + "' is already running (job "
                    + activeByBot.get(botName) + ")");
        }
        Lease lease;
        try {
            lease = leases.tryAcquire(LEASE_PREFIX + botName, l -> LOG.warn("Stop and archive of bot {} lost its "
                    + "lease; the job stops before its next step", botName)).orElse(null);
            if (lease == null) {
                throw runningElsewhere(botName);
            }
            rows.ofBot(botName).filter(row -> "RUNNING".equals(row.state())).ifPresent(dead -> LOG.warn(
                    "Stop and archive of bot {}: job {} of replica {} ended with its replica at step {}; this job "
                            + "takes over", botName, dead.jobId(), dead.replica(), dead.step()));
            rows.begin(botName, job.id(), leases.ownerId(), job.step());
        } catch (RuntimeException e) {
            activeByBot.remove(botName, job.id());
            throw e;
        }
        jobs.put(job.id(), job);
        executor.execute(() -> run(job, lease, skipOrderCancellation, target));
        return job;
    }

    private Conflict runningElsewhere(String botName) {
        String where = leases.owner(LEASE_PREFIX + botName).map(owner -> " on replica " + owner.ownerId()).orElse("");
        String which = rows.ofBot(botName).filter(row -> "RUNNING".equals(row.state()))
                .map(row -> " (job " + row.jobId() + ", at " + row.step() + ")").orElse("");
        return new Conflict("Stop and archive of bot '" + botName + "' is already running" + where + which);
    }

    /**
     * Whether a stop-and-archive job of this bot is under way on any replica, or one was and its replica died before
     * it ended (the bot's runtime stop is then not a crash: its stop was asked for, so it is not started again).
     *
     * @throws org.springframework.dao.DataAccessException when the database cannot be asked
     */
    public boolean isActive(String botName) {
        return activeByBot.containsKey(botName) || leases.owner(LEASE_PREFIX + botName).isPresent()
                || rows.ofBot(botName).filter(row -> State.RUNNING.name().equals(row.state())).isPresent();
    }

    /**
     * A job this replica runs or ran.
     *
     * @throws OwnedElsewhere for a job another replica runs or ran (421: the gateway asks the next instance)
     */
    public Optional<Job> job(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            rows.ofJob(id).filter(row -> !row.replica().equals(leases.ownerId())).ifPresent(row -> {
                throw new OwnedElsewhere("Stop-and-archive job " + id + " of bot '" + row.botName()
                        + "' ran on replica " + row.replica() + " (" + row.state().toLowerCase(java.util.Locale.ROOT)
                        + " at " + row.step() + "); ask that replica");
            });
        }
        return Optional.ofNullable(job);
    }

    private void run(Job job, Lease lease, boolean skipOrderCancellation, ArchiveTarget target) {
        String botName = job.botName();
        try {
            fence(lease);
            boolean graceful = stopOverMqtt(job, skipOrderCancellation);
            if (graceful && !settle.isZero()) {
                update(job.id(), "settle");
                Thread.sleep(settle);
            }
            update(job.id(), "runtime_stop");
            fence(lease);
            runtime.stop(botName);
            Instant stopped = clock.instant();
            tx.executeWithoutResult(status -> {
                runs.markStopped(botName, stopped);
                outbox.append(new BotStopped(botName, graceful, stopped));
            });
            update(job.id(), "archive");
            fence(lease);
            Archived archive = switch (target) {
                case ArchiveTarget.Local local -> new Archived(archive(botName), null);
                case ArchiveTarget.S3 s3 -> uploaded(s3Archive.archive(botName, s3.bucket()));
            };
            update(job.id(), "remove");
            fence(lease);
            runtime.remove(botName);
            Instant archived = clock.instant();
            tx.executeWithoutResult(status -> {
                runs.markArchived(botName, finalStatus(archive));
                outbox.append(new BotArchived(botName, archive.path(), archive.bucket(), archived));
            });
            finish(job.id(), State.COMPLETED, "done", archive.path(), null);
            LOG.info("Stopped and archived bot {} to {}{}", botName,
                    archive.bucket() == null ? "" : "s3://" + archive.bucket() + "/", archive.path());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(job, "interrupted");
        } catch (RuntimeException e) {
            fail(job, e.getMessage());
        } finally {
            activeByBot.remove(botName, job.id());
            leases.release(lease);
        }
    }

    /** Before each step that acts: the bot's lease is still this replica's, with this epoch. */
    private void fence(Lease lease) {
        if (!leases.confirm(lease)) {
            throw new IllegalStateException("this replica lost the job's lease (another replica may run it now)");
        }
    }

    /** @return whether the bot confirmed the stop; a bot not live on MQTT (or no MQTT bridge) is stopped by its runtime */
    private boolean stopOverMqtt(Job job, boolean skipOrderCancellation) {
        BotControl bots = control.getIfAvailable();
        if (bots == null || !bots.isAlive(job.botName())) {
            LOG.info("Bot {} is not live on MQTT: stopping its runtime without a strategy stop", job.botName());
            return false;
        }
        if (!bots.stop(job.botName(), skipOrderCancellation, stopTimeout)) {
            throw new IllegalStateException("bot '" + job.botName() + "' did not confirm the stop command within "
                    + stopTimeout.toSeconds() + " s; it keeps running, nothing was archived");
        }
        return true;
    }

    private static Archived uploaded(StoredObject object) {
        return new Archived(object.key(), object.bucket());
    }

    /** The run's final_status: where the archive is (names only, validated, so no JSON escaping is needed). */
    private static String finalStatus(Archived archive) {
        return archive.bucket() == null ? "{\"archive_path\": \"" + archive.path() + "\"}"
                : "{\"archive_path\": \"" + archive.path() + "\", \"s3_bucket\": \"" + archive.bucket() + "\"}";
    }

    private String archive(String botName) {
        Path from = folders.instance(botName);
        Path to = folders.archive(botName);
        if (!Files.isDirectory(from) && Files.isDirectory(to)) {
            // a job whose replica died after the (atomic) move: the folder is archived already
            return folders.relative(to);
        }
        if (!Files.isDirectory(from)) {
            throw new IllegalStateException("instance folder of bot '" + botName + "' is missing");
        }
        if (Files.exists(to)) {
            throw new IllegalStateException("bots/archived/" + botName + " exists already");
        }
        try {
            Files.createDirectories(to.getParent());
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to);
            }
        } catch (IOException e) {
            throw new IllegalStateException("moving the instance folder to the archive failed: " + e.getMessage(), e);
        }
        return folders.relative(to);
    }

    private void update(String id, String step) {
        jobs.computeIfPresent(id, (key, job) -> job.at(step));
        rows.at(id, State.RUNNING.name(), step);
    }

    private void finish(String id, State state, String step, String archivePath, String error) {
        try {
            rows.at(id, state.name(), step);
        } catch (RuntimeException e) {
            LOG.warn("Could not record the end of stop-and-archive job {}: {}", id, e.getMessage());
        }
        jobs.computeIfPresent(id, (key, job) -> new Job(job.id(), job.botName(), state, step, archivePath,
                job.s3Bucket(), error, job.startedAt(), clock.instant()));
    }

    private void fail(Job job, String error) {
        Job current = jobs.get(job.id());
        String step = current == null ? job.step() : current.step();
        LOG.warn("Stop and archive of bot {} failed at {}: {}", job.botName(), step, error);
        try {
            tx.executeWithoutResult(status -> runs.recordError(job.botName(), "stop-and-archive failed at " + step
                    + ": " + error));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the failure of bot {}: {}", job.botName(), e.getMessage());
        }
        finish(job.id(), State.FAILED, step, null, error);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
