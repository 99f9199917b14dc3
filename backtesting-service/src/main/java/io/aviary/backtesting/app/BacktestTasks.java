package io.aviary.backtesting.app;

import io.aviary.backtesting.domain.BacktestRequest;
import io.aviary.backtesting.domain.BacktestTask;
import io.aviary.backtesting.domain.TaskStatus;
import io.aviary.backtesting.infra.TaskRepository;
import io.aviary.common.events.backtesting.BacktestCompleted;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.TooBusy;
import io.aviary.kit.failure.UseCaseException;
import io.aviary.kit.ownership.Lease;
import io.aviary.kit.ownership.LeaseListener;
import io.aviary.kit.ownership.Leases;
import io.aviary.kit.web.WireTime;
import io.aviary.strategy.backtest.BacktestCancelledException;
import io.aviary.strategy.backtest.BacktestResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backtest tasks (HEAD's {@code /backtesting/tasks}): validated when submitted, stored in PostgreSQL, run on the
 * bounded worker pool with their progress kept in memory (and written to the row at most once a second), cancelled
 * through the engine's cancellation check, and completed with their result and a {@link BacktestCompleted} event in
 * one transaction. At start-up a task left pending or running by a stopped service is marked failed with the reason.
 * <p>With replicas (ADR 0030) a task runs on the replica that accepted it, under the lease
 * {@code backtest-task/<id>} from submission to its end. Every replica answers reads from the database. A task whose
 * lease is no longer live (its replica was stopped or died) is marked failed with the reason, at start-up and before
 * every read; it is not re-run (a backtest is cheap to submit again, and a silent re-run would answer a poller with a
 * result of a different start time). A cancel on any replica sets the row's status; the owner sees it at its next
 * progress write (at most a second later) and stops computing.
 */
@Service
public class BacktestTasks {

    static final String INTERRUPTED = "the backtesting-service replica running the task stopped while the task was pending or running";
    static final String LEASE_PREFIX = "backtest-task/";

    private static final Logger log = LoggerFactory.getLogger(BacktestTasks.class);
    private static final long PROGRESS_WRITE_MILLIS = 1_000;

    private final BacktestRunner runner;
    private final BacktestWorkers workers;
    private final TaskRepository tasks;
    private final EventOutbox outbox;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final BacktestingSettings settings;
    private final Leases leases;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Job> live = new ConcurrentHashMap<>();

    public BacktestTasks(BacktestRunner runner, BacktestWorkers workers, TaskRepository tasks, EventOutbox outbox,
            TransactionTemplate tx, JsonMapper json, BacktestingSettings settings, Leases leases) {
        this.runner = runner;
        this.workers = workers;
        this.tasks = tasks;
        this.outbox = outbox;
        this.tx = tx;
        this.json = json;
        this.settings = settings;
        this.leases = leases;
        // whatever is unfinished without a live lease was left by a stopped replica (or a previous run of this one)
        recoverInterrupted();
    }

    /** Marks tasks no replica runs any more (no live lease) as failed; returns how many. */
    public int recoverInterrupted() {
        int failed = tasks.failUnfinishedWithoutLease(LEASE_PREFIX, INTERRUPTED, clock.instant());
        if (failed > 0) {
            log.warn("marked {} backtest task(s) failed: {}", failed, INTERRUPTED);
        }
        return failed;
    }

    /**
     * Validates, stores and queues a task; returns its id.
     *
     * @throws TooBusy when the worker queue is full (the task is not kept)
     */
    public String submit(BacktestRequest request) {
        BacktestRunner.Prepared prepared = runner.prepare(request);
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, prepared);
        // taken before the row exists, so no other replica ever sees the row without its owner
        Lease lease = leases.tryAcquire(LEASE_PREFIX + id, job)
                .orElseThrow(() -> new IllegalStateException("a fresh task id is leased already: " + id));
        try {
            tasks.insert(id, json.writeValueAsString(requestMap(prepared)), clock.instant());
        } catch (RuntimeException e) {
            leases.release(lease);
            throw e;
        }
        live.put(id, job);
        workers.submitOrUndo(job::run, () -> {
            live.remove(id);
            tasks.delete(id);
            leases.release(lease);
        });
        return id;
    }

    /** Every kept task without its result, newest first. */
    public List<Map<String, Object>> list() {
        recoverInterrupted();
        return tasks.all().stream().map(task -> view(task, false)).toList();
    }

    /** The task with its result when completed. */
    public Map<String, Object> get(String id) {
        recoverInterrupted();
        return view(find(id), true);
    }

    /**
     * Cancels a pending or running task (kept as {@code cancelled}) or removes a finished one.
     *
     * @return {@code cancelled} or {@code deleted}
     */
    public String cancelOrDelete(String id) {
        BacktestTask task = find(id);
        if (task.status().isFinished()) {
            tasks.delete(id);
            return "deleted";
        }
        Job job = live.get(id);
        if (job != null) {
            job.cancelled = true;
        }
        if (!tasks.finish(id, TaskStatus.CANCELLED, clock.instant(), "cancelled on request", null)) {
            // it finished between the read and the cancel: remove it like any finished task
            tasks.delete(id);
            return "deleted";
        }
        return "cancelled";
    }

    private BacktestTask find(String id) {
        return tasks.find(id).orElseThrow(() -> new NotFound("Backtest task '" + shortened(id) + "' not found"));
    }

    private Map<String, Object> view(BacktestTask task, boolean withResult) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task_id", task.id());
        out.put("status", task.status().wireName());
        Job job = live.get(task.id());
        out.put("progress", task.status() == TaskStatus.RUNNING && job != null ? job.progress : task.progress());
        out.put("config", json.readTree(task.request()).get("config"));
        out.put("created_at", iso(task.createdAt()));
        out.put("started_at", iso(task.startedAt()));
        out.put("completed_at", iso(task.completedAt()));
        out.put("error", task.error());
        if (withResult && task.result() != null) {
            out.put("result", json.readTree(task.result()));
        }
        return out;
    }

    private static Map<String, Object> requestMap(BacktestRunner.Prepared prepared) {
        BacktestRequest r = prepared.request();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("start_time", r.startTime());
        out.put("end_time", r.endTime());
        out.put("backtesting_resolution", r.resolution().text());
        out.put("trade_cost", r.tradeCost());
        out.put("slippage", r.slippage());
        out.put("processed_data_format", r.processedData().wireName());
        out.put("config", prepared.config().toMap());
        return out;
    }

    private static String iso(Instant t) {
        return WireTime.iso(t);
    }

    private static String shortened(String id) {
        return id.length() > 64 ? id.substring(0, 64) + "…" : id;
    }

    /** One task on a worker; it stops computing when its lease is lost (another replica may have failed it). */
    private final class Job implements LeaseListener {
        private final String id;
        private final BacktestRunner.Prepared prepared;
        private volatile boolean cancelled;
        private volatile int progress;
        private long progressWrittenAt;

        Job(String id, BacktestRunner.Prepared prepared) {
            this.id = id;
            this.prepared = prepared;
        }

        void run() {
            try {
                if (cancelled || !tasks.start(id, clock.instant())) {
                    return;
                }
                progressWrittenAt = System.currentTimeMillis();
                BacktestRunner.Outcome outcome = runner.run(prepared, this::reached);
                complete(outcome);
            } catch (BacktestCancelledException e) {
                tasks.finish(id, TaskStatus.CANCELLED, clock.instant(), "cancelled on request", null);
            } catch (UseCaseException e) {
                tasks.finish(id, TaskStatus.FAILED, clock.instant(), e.getMessage(), null);
            } catch (RuntimeException e) {
                log.error("backtest task {} failed", id, e);
                tasks.finish(id, TaskStatus.FAILED, clock.instant(), "internal error: " + e.getClass().getSimpleName(),
                        null);
            } finally {
                live.remove(id);
                leases.held(LEASE_PREFIX + id).ifPresent(leases::release);
                tasks.pruneFinished(settings.keptTasks());
            }
        }

        @Override
        public void lost(Lease lease) {
            cancelled = true;
        }

        private boolean reached(int candle, int total) {
            progress = (int) (candle * 100L / total);
            long now = System.currentTimeMillis();
            if (now - progressWrittenAt >= PROGRESS_WRITE_MILLIS) {
                progressWrittenAt = now;
                if (!tasks.progress(id, progress)) {
                    // cancelled (or failed) meanwhile, possibly on another replica: stop computing
                    cancelled = true;
                }
            }
            return cancelled;
        }

        private void complete(BacktestRunner.Outcome outcome) {
            BacktestResult result = outcome.result();
            String resultJson = json.writeValueAsString(ResultMaps.full(result, prepared.request().processedData()));
            Instant now = clock.instant();
            tx.executeWithoutResult(status -> {
                if (tasks.finish(id, TaskStatus.COMPLETED, now, null, resultJson)) {
                    outbox.append(event(outcome, now));
                }
            });
        }

        private BacktestCompleted event(BacktestRunner.Outcome outcome, Instant now) {
            BacktestRequest r = prepared.request();
            double pnl = ResultMaps.num(outcome.result().results().netPnlQuote());
            return new BacktestCompleted(id, prepared.config().controllerName(), prepared.config().connectorName(),
                    prepared.config().tradingPair(), Instant.ofEpochSecond(r.startTime()),
                    Instant.ofEpochSecond(r.endTime()), outcome.candles(), outcome.result().results().totalExecutors(),
                    BigDecimal.valueOf(pnl), now);
        }
    }
}
