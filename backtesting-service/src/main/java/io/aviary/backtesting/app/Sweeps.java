package io.aviary.backtesting.app;

import io.aviary.backtesting.domain.BacktestRequest;
import io.aviary.backtesting.domain.BacktestSweep;
import io.aviary.backtesting.domain.SweepRequest;
import io.aviary.backtesting.domain.SweepVariant;
import io.aviary.backtesting.domain.TaskStatus;
import io.aviary.backtesting.infra.SweepRepository;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.TooBusy;
import io.aviary.kit.ownership.Leases;
import io.aviary.kit.failure.UseCaseException;
import io.aviary.kit.web.WireTime;
import io.aviary.strategy.backtest.BacktestCancelledException;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.config.V2ControllerConfig;
import io.aviary.strategy.executor.ExecutorInfo;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parameter sweeps ({@code /backtesting/sweeps}, docs/adr/0013-sweeps.md): every variant is drawn and validated
 * through the strategy module's registry at submission, the sweep and its variants stored in PostgreSQL, the
 * candles read once and shared read-only by every run, and the runs fanned out over the bounded worker pool in
 * lanes (one per worker) that give their worker up between variants when another backtest waits. Each variant keeps
 * its metrics and an executors summary; the ranking is a query by the chosen metric.
 */
@Service
public class Sweeps {

    /** Variants one sweep may have; more are refused with 422 naming this limit. */
    public static final int MAX_VARIANTS = 1000;
    /** Variants a sweep's view ranks unless asked for another number. */
    public static final int DEFAULT_TOP = 10;
    /** The §4.3 metrics a sweep may rank by (close_types is a map, not a number). */
    public static final Set<String> RANK_METRICS = Set.of("net_pnl", "net_pnl_quote", "total_executors",
            "total_executors_with_position", "total_volume", "total_long", "total_short", "accuracy_long",
            "accuracy_short", "total_positions", "accuracy", "max_drawdown_usd", "max_drawdown_pct", "sharpe_ratio",
            "profit_factor", "win_signals", "loss_signals", "unrealized_pnl_quote", "position_realized_pnl_quote",
            "total_fees_quote");
    /** Keys a sweep may not vary: every variant shares one controller and one candle range. */
    private static final Set<String> FIXED_KEYS = Set.of("id", "controller_name", "controller_type",
            "connector_name", "trading_pair", "candles_connector", "candles_trading_pair", "interval");

    static final String INTERRUPTED = "the backtesting-service replica running the sweep stopped while the sweep was "
            + "pending or running";
    static final String LEASE_PREFIX = "backtest-sweep/";

    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);

    private final BacktestRunner runner;
    private final BacktestWorkers workers;
    private final SweepRepository sweeps;
    private final JsonMapper json;
    private final BacktestingSettings settings;
    private final Leases leases;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom seeds = new SecureRandom();
    private final Map<String, Job> live = new ConcurrentHashMap<>();

    public Sweeps(BacktestRunner runner, BacktestWorkers workers, SweepRepository sweeps, JsonMapper json,
            BacktestingSettings settings, Leases leases) {
        this.runner = runner;
        this.workers = workers;
        this.sweeps = sweeps;
        this.json = json;
        this.settings = settings;
        this.leases = leases;
        recoverInterrupted();
    }

    /**
     * Marks sweeps no replica runs any more (no live lease {@code backtest-sweep/<id>}, ADR 0030) as failed: at
     * start-up and before every read, so a sweep whose replica died is failed once its lease expired.
     */
    public int recoverInterrupted() {
        int failed = sweeps.failUnfinishedWithoutLease(LEASE_PREFIX, INTERRUPTED, clock.instant());
        if (failed > 0) {
            log.warn("marked {} sweep(s) failed: {}", failed, INTERRUPTED);
        }
        return failed;
    }

    /** Drops a sweep from this replica's live ones and gives its lease up. */
    private void forget(String id) {
        live.remove(id);
        leases.held(LEASE_PREFIX + id).ifPresent(leases::release);
    }

    /**
     * Draws and validates every variant, stores the sweep and queues it; returns its id.
     *
     * @throws InvalidRequest for a fixed key swept, or a variant whose config is invalid (naming variant and key)
     * @throws io.aviary.kit.failure.Unprocessable for more than {@link #MAX_VARIANTS} variants
     * @throws TooBusy when the worker queue is full (nothing is kept)
     */
    public String submit(SweepRequest sweep) {
        for (String key : sweep.parameters().keySet()) {
            if (FIXED_KEYS.contains(key)) {
                throw new InvalidRequest("parameters." + key + ": a sweep cannot vary " + key
                        + " (every variant shares the controller and the candles); sweepable keys are the config's "
                        + "others");
            }
        }
        if (!RANK_METRICS.contains(sweep.rankBy())) {
            throw new InvalidRequest("rank_by must be one of " + RANK_METRICS.stream().sorted().toList());
        }
        Map<String, Object> base = runner.resolve(sweep.base().config());
        V2ControllerConfig baseConfig = runner.parse(base);
        runner.requireImplemented(baseConfig);
        runner.requireServableInterval(baseConfig, sweep.base().resolution());
        long seed = sweep.seed() != null ? sweep.seed() : seeds.nextLong() >>> 11;
        List<Map<String, Object>> variants = SweepVariants.draw(sweep, seed, MAX_VARIANTS);
        List<BacktestRunner.Prepared> prepared = new ArrayList<>(variants.size());
        for (int i = 0; i < variants.size(); i++) {
            prepared.add(prepare(sweep.base(), base, i, variants.get(i)));
        }
        String id = UUID.randomUUID().toString();
        List<String> parameters = variants.stream().map(json::writeValueAsString).toList();
        Job job = new Job(id, prepared, sweep.rankBy());
        // taken before the row exists, so no other replica ever sees the row without its owner
        leases.tryAcquire(LEASE_PREFIX + id, lease -> job.cancelled = true)
                .orElseThrow(() -> new IllegalStateException("a fresh sweep id is leased already: " + id));
        try {
            sweeps.insert(id, variants.size(), sweep.rankBy(), sweep.descending(),
                    json.writeValueAsString(requestMap(sweep, baseConfig, seed)), parameters, clock.instant());
        } catch (RuntimeException e) {
            forget(id);
            throw e;
        }
        live.put(id, job);
        workers.submitOrUndo(job::coordinate, () -> {
            forget(id);
            sweeps.delete(id);
        });
        return id;
    }

    private BacktestRunner.Prepared prepare(BacktestRequest shared, Map<String, Object> base, int n,
            Map<String, Object> values) {
        Map<String, Object> raw = new LinkedHashMap<>(base);
        raw.putAll(values);
        try {
            return new BacktestRunner.Prepared(shared, runner.parse(raw));
        } catch (InvalidRequest e) {
            throw new InvalidRequest("variant " + n + " " + json.writeValueAsString(values) + ": " + e.getMessage());
        }
    }

    /** Every kept sweep without its ranking, newest first. */
    public List<Map<String, Object>> list() {
        recoverInterrupted();
        return sweeps.all().stream().map(this::view).toList();
    }

    /** The sweep with the best {@code top} variants that ran. */
    public Map<String, Object> get(String id, int top) {
        recoverInterrupted();
        if (top < 1 || top > MAX_VARIANTS) {
            throw new InvalidRequest("top must be between 1 and " + MAX_VARIANTS);
        }
        BacktestSweep sweep = find(id);
        Map<String, Object> out = view(sweep);
        List<Map<String, Object>> ranking = new ArrayList<>();
        for (SweepVariant v : sweeps.ranking(id, sweep.descending(), top)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", ranking.size() + 1);
            row.put("variant", v.variant());
            row.put("parameters", json.readTree(v.parameters()));
            row.put(sweep.rankBy(), v.score());
            row.put("results", json.readTree(v.results()));
            ranking.add(row);
        }
        out.put("ranking", ranking);
        return out;
    }

    /** One variant: its values, status, metrics and executors summary (or why it failed). */
    public Map<String, Object> variant(String id, int variant) {
        find(id);
        SweepVariant v = sweeps.variant(id, variant).orElseThrow(
                () -> new NotFound("Sweep '" + shortened(id) + "' has no variant " + variant));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sweep_id", id);
        out.put("variant", v.variant());
        out.put("status", v.status());
        out.put("parameters", json.readTree(v.parameters()));
        out.put("error", v.error());
        out.put("results", v.results() == null ? null : json.readTree(v.results()));
        out.put("executors", v.executors() == null ? null : json.readTree(v.executors()));
        return out;
    }

    /** Cancels a pending or running sweep (kept as {@code cancelled}) or removes a finished one. */
    public String cancelOrDelete(String id) {
        BacktestSweep sweep = find(id);
        if (sweep.status().isFinished()) {
            sweeps.delete(id);
            return "deleted";
        }
        Job job = live.get(id);
        if (job != null) {
            job.cancelled = true;
        }
        if (!sweeps.finish(id, TaskStatus.CANCELLED, clock.instant(), "cancelled on request")) {
            sweeps.delete(id);
            return "deleted";
        }
        return "cancelled";
    }

    private BacktestSweep find(String id) {
        return sweeps.find(id).orElseThrow(() -> new NotFound("Sweep '" + shortened(id) + "' not found"));
    }

    private Map<String, Object> view(BacktestSweep sweep) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sweep_id", sweep.id());
        out.put("status", sweep.status().wireName());
        out.put("progress", sweep.status() == TaskStatus.COMPLETED ? 100
                : (int) (sweep.completedVariants() * 100L / sweep.variants()));
        out.put("variants", sweep.variants());
        out.put("completed_variants", sweep.completedVariants());
        out.put("rank_by", sweep.rankBy());
        out.put("order", sweep.descending() ? "desc" : "asc");
        var request = json.readTree(sweep.request());
        out.put("search", request.get("search"));
        out.put("seed", request.get("seed"));
        out.put("parameters", request.get("parameters"));
        out.put("config", request.get("config"));
        out.put("created_at", WireTime.iso(sweep.createdAt()));
        out.put("started_at", WireTime.iso(sweep.startedAt()));
        out.put("completed_at", WireTime.iso(sweep.completedAt()));
        out.put("error", sweep.error());
        return out;
    }

    private Map<String, Object> requestMap(SweepRequest sweep, V2ControllerConfig base, long seed) {
        BacktestRequest r = sweep.base();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("start_time", r.startTime());
        out.put("end_time", r.endTime());
        out.put("backtesting_resolution", r.resolution().text());
        out.put("trade_cost", r.tradeCost());
        out.put("slippage", r.slippage());
        out.put("config", base.toMap());
        Map<String, Object> parameters = new LinkedHashMap<>();
        sweep.parameters().forEach((key, space) -> parameters.put(key, switch (space) {
            case SweepRequest.Values v -> v.values();
            case SweepRequest.Range g -> {
                Map<String, Object> range = new LinkedHashMap<>();
                range.put("min", g.min());
                range.put("max", g.max());
                range.put("step", g.step());
                yield range;
            }
        }));
        out.put("parameters", parameters);
        out.put("search", sweep.search().name().toLowerCase(java.util.Locale.ROOT));
        out.put("samples", sweep.search() == SweepRequest.Search.RANDOM ? sweep.samples() : null);
        out.put("seed", sweep.search() == SweepRequest.Search.RANDOM ? seed : null);
        return out;
    }

    /** The executors of one run in a few numbers (the full list stays out of the rows). */
    static Map<String, Object> executorsSummary(BacktestResult result) {
        List<ExecutorInfo> executors = result.executors();
        Map<String, Integer> closeTypes = new HashMap<>();
        double best = 0;
        double worst = 0;
        double sum = 0;
        long held = 0;
        int closed = 0;
        for (ExecutorInfo e : executors) {
            double pnl = ResultMaps.num(e.netPnlQuote());
            best = Math.max(best, pnl);
            worst = Math.min(worst, pnl);
            sum += pnl;
            if (e.closeType() != null) {
                closeTypes.merge(e.closeType().name(), 1, Integer::sum);
            }
            if (e.closeTimestamp() != 0) {
                held += (long) (e.closeTimestamp() - e.timestamp());
                closed++;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", executors.size());
        out.put("close_types", new java.util.TreeMap<>(closeTypes));
        out.put("best_net_pnl_quote", best);
        out.put("worst_net_pnl_quote", worst);
        out.put("mean_net_pnl_quote", executors.isEmpty() ? 0 : sum / executors.size());
        out.put("mean_duration_s", closed == 0 ? 0 : (double) held / closed);
        return out;
    }

    private static String shortened(String id) {
        return id.length() > 64 ? id.substring(0, 64) + "…" : id;
    }

    /** One sweep on the workers: a coordinator that reads the candles, then lanes that take variants in turn. */
    private final class Job {
        private final String id;
        private final List<BacktestRunner.Prepared> variants;
        private final String rankBy;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger ended = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile BacktestRunner.History history;

        Job(String id, List<BacktestRunner.Prepared> variants, String rankBy) {
            this.id = id;
            this.variants = variants;
            this.rankBy = rankBy;
        }

        void coordinate() {
            try {
                if (cancelled || !sweeps.start(id, clock.instant())) {
                    forget(id);
                    return;
                }
                // one read per feed for every variant: they share connector, pair, candles market, interval and range
                history = runner.history(variants.getFirst());
            } catch (UseCaseException e) {
                end(TaskStatus.FAILED, e.getMessage());
                return;
            } catch (RuntimeException e) {
                log.error("sweep {} failed reading its candles", id, e);
                end(TaskStatus.FAILED, "internal error: " + e.getClass().getSimpleName());
                return;
            }
            int lanes = Math.min(workers.threads(), variants.size());
            for (int i = 1; i < lanes; i++) {
                if (!offerLane()) {
                    break;
                }
            }
            lane();
        }

        private boolean offerLane() {
            try {
                workers.submit(() -> {
                    lane();
                    return null;
                });
                return true;
            } catch (TooBusy e) {
                return false;
            }
        }

        private void lane() {
            try {
                while (!cancelled) {
                    int n = next.getAndIncrement();
                    if (n >= variants.size()) {
                        return;
                    }
                    runVariant(n);
                    if (ended.incrementAndGet() == variants.size()) {
                        end(TaskStatus.COMPLETED, null);
                        return;
                    }
                    // a backtest waits for a worker: let it have this one and queue the rest of this lane behind it
                    if (workers.hasWaiting() && offerLane()) {
                        return;
                    }
                }
                // cancelled: the lanes still running drop their variant at the engine's next check
                forget(id);
            } catch (RuntimeException e) {
                log.error("sweep {} failed", id, e);
                cancelled = true;
                end(TaskStatus.FAILED, "internal error: " + e.getClass().getSimpleName());
            }
        }

        private void runVariant(int n) {
            BacktestRunner.Outcome outcome;
            try {
                outcome = runner.run(variants.get(n), history, (candle, total) -> cancelled);
            } catch (BacktestCancelledException e) {
                return;
            } catch (UseCaseException e) {
                sweeps.variantEnded(id, n, null, null, null, e.getMessage());
                return;
            } catch (RuntimeException e) {
                log.error("sweep {} variant {} failed", id, n, e);
                sweeps.variantEnded(id, n, null, null, null, "internal error: " + e.getClass().getSimpleName());
                return;
            }
            Map<String, Object> results = ResultMaps.results(outcome.result().results());
            double score = ((Number) results.get(rankBy)).doubleValue();
            sweeps.variantEnded(id, n, json.writeValueAsString(results),
                    json.writeValueAsString(executorsSummary(outcome.result())), score, null);
        }

        private void end(TaskStatus status, String error) {
            // the row first, the lease after: in between, a read on any replica takes a running sweep without a live
            // lease for an interrupted one and fails it (a CI run saw a sweep of 4 completed variants read "failed")
            sweeps.finish(id, status, clock.instant(), error);
            forget(id);
            sweeps.pruneFinished(settings.keptTasks());
        }
    }
}
