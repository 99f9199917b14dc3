package io.aviary.trading.app.executors;

import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.execution.ExecutorConfigJson;
import io.aviary.execution.ExecutorConfigReader;
import io.aviary.execution.ExecutorConfigReader.InvalidExecutorConfig;
import io.aviary.execution.HummingbotOrderIds;
import io.aviary.execution.LiveMarketView;
import io.aviary.execution.PerpetualSettings;
import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.Unavailable;
import io.aviary.strategy.executor.Executor;
import io.aviary.strategy.executor.CheckpointOrder;
import io.aviary.strategy.executor.ConnectorPair;
import io.aviary.strategy.market.MarketView;
import io.aviary.strategy.executor.ExecutorCheckpoint;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.OrderFill;
import io.aviary.trading.app.AccountControl;
import io.aviary.trading.app.OrderPlacement;
import io.aviary.trading.app.TradeRecorder;
import io.aviary.trading.app.TradingRulesCache;
import io.aviary.trading.app.session.SessionAccess;
import io.aviary.trading.domain.ExecutorFilter;
import io.aviary.trading.domain.ExecutorLogEntry;
import io.aviary.trading.domain.ExecutorRow;
import io.aviary.trading.domain.PositionHold;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.infra.ExecutorRepository;
import io.aviary.trading.infra.ExecutorRepository.Resumable;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executors API's use cases: executors created through {@code /executors} run on this instance's trading
 * sessions, one {@link ExecutorHost} (one thread) per session, with their state in PostgreSQL.
 *
 * <p>Restarts (ADR 0024): executors are checkpointable and their checkpoint is stored whenever it changes. An
 * executor whose host stopped beating (this or another instance was restarted or crashed) is marked
 * {@link ExecutorRow#AWAITING_RESUME} once its heartbeat is {@code staleAfter} old, and the replica that runs its
 * session resumes it from its checkpoint: its open orders reconciled with the venue by client order id, then stepped
 * again with its barriers. It is never reported as running by a host that is not running it.
 */
@Service
public class ExecutorManagement implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutorManagement.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String DEFAULT_ACCOUNT = "master_account";

    private final SessionAccess sessions;
    private final TradingRulesCache rules;
    private final ConnectorRegistry connectors;
    private final ExecutorRepository repository;
    private final ExecutorRecords records;
    private final ExecutorOrderRouter router;
    private final OrderPlacement placement;
    private final TradeRecorder recorder;
    private final AccountControl control;
    private final Clock clock;
    private final Duration tick;
    private final Duration staleAfter;
    private final VenueFees fees;
    private final HummingbotOrderIds ids = new HummingbotOrderIds("x", 32);
    private final Map<SessionKey, ExecutorHost> hosts = new ConcurrentHashMap<>();
    private final Map<String, ExecutorHost> hostOf = new ConcurrentHashMap<>();
    private final ExecutorLogStore logs;
    private final ScheduledExecutorService sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("executors-sweep").daemon().factory());

    public ExecutorManagement(SessionAccess sessions, TradingRulesCache rules, ConnectorRegistry connectors,
            ExecutorRepository repository, ExecutorRecords records, ExecutorOrderRouter router,
            OrderPlacement placement, TradeRecorder recorder, AccountControl control, ExecutorLogStore logs,
            Clock clock, @Value("${aviary.executors.tick:1s}") Duration tick,
            @Value("${aviary.executors.stale-after:30s}") Duration staleAfter,
            @Value("${aviary.executors.fees:" + VenueFees.DEFAULT + "}") String fees) {
        this.sessions = sessions;
        this.rules = rules;
        this.connectors = connectors;
        this.repository = repository;
        this.records = records;
        this.router = router;
        this.placement = placement;
        this.recorder = recorder;
        this.control = control;
        this.logs = logs;
        this.clock = clock;
        this.tick = tick;
        this.staleAfter = staleAfter;
        this.fees = VenueFees.parse(fees);
    }

    /** Starts the sweep that marks executors whose host stopped beating and resumes them (see the class comment). */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        long every = Math.max(1000, staleAfter.toMillis() / 3);
        sweeper.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
    }

    void sweep() {
        try {
            List<String> marked = repository.markAwaitingResume(clock.instant().minus(staleAfter));
            if (!marked.isEmpty()) {
                log.warn("Executors {} lost their host (restart or crash): marked {}; nothing runs them until resumed",
                        marked, ExecutorRow.AWAITING_RESUME);
            }
        } catch (RuntimeException e) {
            log.warn("Could not sweep executors whose host stopped: {}", e.toString());
        }
        resumeWhereSessionsRunHere();
    }

    /**
     * Resumes the executors awaiting resume whose session this replica runs (at start-up once the synchronizer
     * opened it, or after a hand-over): the session's lease makes this replica the only one doing so.
     */
    void resumeWhereSessionsRunHere() {
        List<String[]> keys;
        try {
            keys = repository.sessionsAwaitingResume();
        } catch (RuntimeException e) {
            log.warn("Could not look for executors awaiting resume: {}", e.toString());
            return;
        }
        for (String[] k : keys) {
            SessionKey key = new SessionKey(k[0], k[1]);
            if (!sessions.runsHere(key)) {
                continue;
            }
            for (Resumable resumable : repository.awaitingResume(key.accountName(), key.connectorName())) {
                if (hostOf.containsKey(resumable.row().executorId())) {
                    continue; // its host here was only slow to beat: it runs it, and its next write says RUNNING
                }
                try {
                    resume(key, resumable);
                } catch (RuntimeException e) {
                    log.warn("Executor {} on {} not resumed yet (next sweep retries): {}",
                            resumable.row().executorId(), key, e.toString());
                }
            }
        }
    }

    private void resume(SessionKey key, Resumable resumable) {
        String id = resumable.row().executorId();
        if (resumable.checkpointJson() == null) {
            notResumable(id, "no checkpoint stored (created before checkpoints were kept): nothing can resume it; "
                    + "handle its orders and position on /trading by hand");
            return;
        }
        ExecutorCheckpoint checkpoint;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = JSON.readValue(resumable.checkpointJson(), Map.class);
            checkpoint = ExecutorCheckpoint.fromMap(tree);
        } catch (RuntimeException e) {
            notResumable(id, "its stored checkpoint cannot be read (" + e.getMessage() + "); handle its orders and "
                    + "position on /trading by hand");
            return;
        }
        String missing = sessionsNotHere(key, checkpoint.config());
        if (missing != null) {
            notResumable(id, "waits for the session " + missing + " to run on the replica that runs " + key
                    + " (an executor trading on two markets runs where both its sessions do)");
            return;
        }
        ExecutorHost host = host(key);
        host.call(() -> resumeOn(host, key, resumable.row(), checkpoint));
    }

    /**
     * The rule for executors that trade on two markets (ADR 0032): its host is the one of
     * its own session (its config's connector), and it runs only where every session it trades on runs. A session
     * of its account on another connector that no replica runs is opened here; null when all run here, else the
     * first that runs elsewhere (or cannot be opened now).
     */
    private String sessionsNotHere(SessionKey own, ExecutorConfig config) {
        for (ConnectorPair market : config.markets()) {
            SessionKey key = new SessionKey(own.accountName(), market.connectorName());
            if (!key.equals(own) && !sessions.runsHere(key) && !sessions.takeIfFree(key)) {
                return key.toString();
            }
        }
        return null;
    }

    private ExecutorHost host(SessionKey key) {
        return hosts.computeIfAbsent(key, k -> new ExecutorHost(k,
                connector -> connectors.find(connector).orElseThrow().marketData(), fees, records, clock, tick,
                this::terminated));
    }

    private void notResumable(String executorId, String reason) {
        if (repository.noteNotResumable(executorId, reason)) {
            log.warn("Executor {} stays {}: {}", executorId, ExecutorRow.AWAITING_RESUME, reason);
        }
    }

    /**
     * Rebuilds the executor from its checkpoint (it places nothing), reconciles its open orders with the venue,
     * cancels orders it placed after its last stored checkpoint, and hosts it again. Host thread only.
     */
    private Void resumeOn(ExecutorHost host, SessionKey key, ExecutorRow row, ExecutorCheckpoint checkpoint) {
        String id = row.executorId();
        ExecutorLog executorLog = new ExecutorLog(id, logs, row.errorCount(), row.lastError());
        ExecutorOrderGateway gateway = new ExecutorOrderGateway(id, key, host, placement, control, router, records,
                ids, executorLog, clock);
        Executor executor = checkpoint.resume(gateway);
        for (CheckpointOrder order : checkpoint.orders()) {
            ConnectorPair market = checkpoint.config().marketOf(order.role());
            gateway.knows(order.clientOrderId(), market.connectorName());
            router.register(gateway.sessionFor(market.connectorName()), order.clientOrderId(),
                    new ExecutorOrderRouter.Route(id, host, executor));
        }
        int fills = 0;
        for (CheckpointOrder order : checkpoint.openOrders()) {
            ConnectorPair market = checkpoint.config().marketOf(order.role());
            SessionKey session = gateway.sessionFor(market.connectorName());
            fills += reconcile(sessions.current(session).trading(), session, TradingPair.parse(market.tradingPair()),
                    order, executor, executorLog);
        }
        cancelOrdersAfterCheckpoint(key, id, checkpoint, executorLog);
        if (executor.state() == io.aviary.strategy.executor.ExecutorState.NOT_STARTED) {
            // checkpointed before its start: whatever its start placed was cancelled above, so it starts again
            executor.start(host.freshView(checkpoint.config()));
        }
        HostedExecutor hosted = new HostedExecutor(executor, key, row.configJson(), row.createdAt(), executorLog);
        executorLog.add(clock.instant(), "INFO", "resumed from its checkpoint after its host stopped: "
                + checkpoint.openOrders().size() + " open order(s) reconciled, " + fills + " venue fill(s) delivered");
        records.resumed(hosted, clock.instant());
        hostOf.put(id, host);
        host.adopt(hosted);
        log.info("Executor {} on {} resumed ({})", id, key, executor.state());
        return null;
    }

    /**
     * One open order of the checkpoint against the venue, by client order id: every fill the venue has (recorded in
     * trading's orders and trades like reconciliation does; the executor counts each trade id once), in the order
     * they were executed, then its end when the venue ended it. An order the venue never heard of failed.
     *
     * @return the fills delivered
     */
    private int reconcile(TradingConnector venue, SessionKey key, TradingPair pair, CheckpointOrder order,
            Executor executor, ExecutorLog executorLog) {
        String clientOrderId = order.clientOrderId();
        OrderUpdate status;
        List<Fill> fills;
        try {
            status = venue.orderStatus(pair, clientOrderId);
            fills = venue.orderFills(pair, clientOrderId).stream().sorted(Comparator.comparing(Fill::timestamp))
                    .toList();
        } catch (VenueException.NotFound e) {
            executorLog.add(clock.instant(), "WARNING", "order " + clientOrderId + " unknown to the venue: failed");
            executor.onOrderFailed(clientOrderId);
            return 0;
        } catch (VenueException e) {
            throw new Unavailable("Cannot reconcile order " + clientOrderId + " with " + key.connectorName() + ": "
                    + e.getMessage());
        }
        for (int i = 0; i < fills.size(); i++) {
            Fill fill = fills.get(i);
            recorder.recordFill(key, fill);
            boolean completes = i == fills.size() - 1 && status.state() == OrderState.FILLED;
            executor.onOrderFilled(new OrderFill(clientOrderId, fill.timestamp().getEpochSecond(),
                    fill.price().doubleValue(), fill.amount().doubleValue(),
                    io.aviary.execution.Fees.feeInQuote(fill, pair).doubleValue(), completes, fill.tradeId()));
        }
        recorder.recordUpdate(key, status);
        if (status.state() == OrderState.CANCELED) {
            executor.onOrderCancelled(clientOrderId);
        } else if (status.state() == OrderState.FAILED) {
            executor.onOrderFailed(clientOrderId);
        }
        return fills.size();
    }

    /**
     * The safety net of ADR 0023: an order the executor placed after its last stored checkpoint (recorded in
     * {@code executor_orders} before it was sent, so it is known even when the checkpoint is not) is cancelled; the
     * executor re-places what it still needs. Fills such an order got are not in the executor's figures: logged.
     */
    private void cancelOrdersAfterCheckpoint(SessionKey key, String executorId, ExecutorCheckpoint checkpoint,
            ExecutorLog executorLog) {
        Set<String> known = new HashSet<>();
        checkpoint.orders().forEach(o -> known.add(o.clientOrderId()));
        for (String clientOrderId : repository.orderIds(executorId)) {
            if (known.contains(clientOrderId)) {
                continue;
            }
            String outcome = null;
            for (ConnectorPair market : checkpoint.config().markets()) { // the order is on one of them
                try {
                    control.cancel(new SessionKey(key.accountName(), market.connectorName()), clientOrderId, null);
                    outcome = "cancelled";
                    break;
                } catch (RuntimeException e) {
                    outcome = "not cancelled (" + e.getMessage() + ")";
                }
            }
            executorLog.add(clock.instant(), "WARNING", "order " + clientOrderId + " was placed after the last stored "
                    + "checkpoint: " + outcome + "; any fill it got is not in this executor's figures");
        }
    }

    public ExecutorRow create(String accountName, String controllerId, Map<String, Object> executorConfig) {
        String account = accountName == null || accountName.isBlank() ? DEFAULT_ACCOUNT : accountName;
        String controller = controllerId == null || controllerId.isBlank() ? "main" : controllerId;
        Instant now = clock.instant();
        ExecutorConfig config;
        try {
            config = ExecutorConfigReader.read(executorConfig, newId(), now.getEpochSecond(), controller);
        } catch (InvalidExecutorConfig e) {
            throw new InvalidRequest(e.getMessage());
        }
        SessionKey key = new SessionKey(account, config.connectorName());
        for (ConnectorPair market : config.markets()) {
            listedPair(market);
            // 404 naming the account or connector when there is no such session, 421 when another replica runs it
            // (an executor trading on two markets needs both sessions here: ADR 0032)
            sessions.current(new SessionKey(account, market.connectorName()));
        }
        TradingPair pair = TradingPair.parse(config.tradingPair());
        PerpetualSettings perpetual = PerpetualSettings.of(config, positionMode(executorConfig));
        ExecutorHost host = host(key);
        String configJson = configJson(config);
        return host.call(() -> startOn(host, key, config, configJson, pair, perpetual));
    }

    /**
     * {@code executor_config.position_mode}: not in Hummingbot's executor configs (its controllers carry it), taken
     * here so an API client can trade a perpetual in HEDGE mode; absent, the account keeps its current mode.
     */
    private static PositionMode positionMode(Map<String, Object> executorConfig) {
        Object mode = executorConfig.get("position_mode");
        if (mode == null) {
            return null;
        }
        for (PositionMode known : PositionMode.values()) {
            if (known.name().equalsIgnoreCase(String.valueOf(mode))) {
                return known;
            }
        }
        throw new InvalidRequest("executor_config.position_mode must be one of "
                + Arrays.toString(PositionMode.values()));
    }

    /**
     * On a perpetual connector, sets the executor's leverage (and position mode when it names one) on the account
     * before its first order, as Hummingbot's executor orchestrator does. Unlike Hummingbot, which logs a refusal and
     * trades on, a refusal fails the create: an API client that asked for 5x must not get a position at the venue's
     * default leverage without being told (ADR 0031). Host thread only.
     *
     * @return what was set, for the executor's log; null on a spot connector
     */
    private String applyPerpetualSettings(SessionKey key, TradingPair pair, PerpetualSettings settings) {
        if (!PerpetualSettings.isPerpetual(key.connectorName()) || settings.isEmpty()) {
            return null;
        }
        List<PerpetualSettings.Refusal> refused = settings.apply(key.connectorName(), pair,
                sessions.current(key).trading());
        if (refused.isEmpty()) {
            return "leverage " + settings.leverage() + " for " + pair
                    + (settings.positionMode() == null ? "" : " and position mode " + settings.positionMode())
                    + " set on " + key.connectorName();
        }
        String detail = "Executor not created: " + refused.stream().map(PerpetualSettings.Refusal::message)
                .collect(Collectors.joining("; "));
        log.warn("{} on {}", detail, key);
        boolean venueSaidNo = refused.stream().allMatch(r -> r.cause() instanceof VenueException.Rejected
                || r.cause() instanceof VenueException.Unsupported);
        throw venueSaidNo ? new InvalidRequest(detail) : new Unavailable(detail);
    }

    private ExecutorRow startOn(ExecutorHost host, SessionKey key, ExecutorConfig config, String configJson,
            TradingPair pair, PerpetualSettings perpetual) {
        for (ConnectorPair market : config.markets()) {
            LiveMarketView read;
            try {
                read = host.freshView(market);
            } catch (VenueException e) {
                throw new Unavailable("Cannot read the market " + market.tradingPair() + " on "
                        + market.connectorName() + " to start the executor: " + e.getMessage());
            }
            if (Double.isNaN(read.midPrice())) {
                throw new Unavailable("No price for " + market.tradingPair() + " on " + market.connectorName()
                        + " yet; try again");
            }
        }
        MarketView view = host.freshView(config);
        String perpetualSet = applyPerpetualSettings(key, pair, perpetual);
        String id = config.id();
        ExecutorLog executorLog = new ExecutorLog(id, logs);
        ExecutorOrderGateway gateway = new ExecutorOrderGateway(id, key, host, placement, control, router, records,
                ids, executorLog, clock);
        Executor executor = ExecutorCheckpoint.checkpointable(config, id, gateway);
        HostedExecutor hosted = new HostedExecutor(executor, key, configJson,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), executorLog);
        records.started(hosted, clock.instant());
        hostOf.put(id, host);
        if (perpetualSet != null) {
            executorLog.add(clock.instant(), "INFO", perpetualSet);
        }
        executorLog.add(clock.instant(), "INFO", "started " + config.type() + " on " + key + " " + pair);
        try {
            executor.start(view);
        } catch (RuntimeException e) {
            executorLog.add(clock.instant(), "ERROR", "start failed: " + e);
        }
        host.adopt(hosted);
        return hosted.row();
    }

    private TradingPair listedPair(ConnectorPair market) {
        TradingPair pair;
        try {
            pair = TradingPair.parse(market.tradingPair());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("executor_config.trading_pair: " + e.getMessage());
        }
        if (connectors.find(market.connectorName()).isEmpty()) {
            throw new InvalidRequest("executor_config.connector_name: unknown connector '"
                    + bounded(market.connectorName()) + "'");
        }
        if (!rules.rules(market.connectorName()).containsKey(pair)) {
            throw new InvalidRequest("executor_config.trading_pair: " + pair + " is not listed on "
                    + market.connectorName());
        }
        return pair;
    }

    private static String configJson(ExecutorConfig config) {
        Map<String, Object> map = ExecutorConfigJson.config(config);
        map.put("id", config.id());
        return JSON.writeValueAsString(map);
    }

    private void terminated(HostedExecutor hosted) {
        hostOf.remove(hosted.id());
        router.forget(hosted.id());
    }

    /** The executor now: from its host when it runs here, else as stored. */
    public ExecutorRow get(String executorId) {
        ExecutorHost host = hostOf.get(executorId);
        if (host != null) {
            Optional<ExecutorRow> live = host.call(() -> Optional.ofNullable(host.running(executorId))
                    .map(HostedExecutor::row));
            if (live.isPresent()) {
                return live.get();
            }
        }
        return repository.find(executorId).orElseThrow(() -> notFound(executorId));
    }

    /** What a stop answers: Hummingbot's "stopping", or the final status when it terminated at once. */
    public record Stopping(String executorId, String status, boolean keepPosition) {
    }

    public Stopping stop(String executorId, boolean keepPosition) {
        ExecutorHost host = hostOf.get(executorId);
        if (host == null) {
            ExecutorRow stored = repository.find(executorId).orElseThrow(() -> notFound(executorId));
            if (ExecutorRow.AWAITING_RESUME.equals(stored.status())) {
                throw new Conflict("Executor " + executorId + " lost its host in a restart and awaits resume; "
                        + "nothing runs it, so it cannot be stopped now (its orders and position are on the venue)");
            }
            if (stored.active()) {
                throw new Conflict("Executor " + executorId + " runs on another trading-service instance");
            }
            throw new Conflict("Executor " + executorId + " is already closed (" + stored.closeType() + ")");
        }
        return host.call(() -> {
            HostedExecutor hosted = host.running(executorId);
            if (hosted == null) {
                throw new Conflict("Executor " + executorId + " is already closed");
            }
            hosted.executor.earlyStop(host.freshView(hosted.executor.config()), keepPosition);
            hosted.log.add(clock.instant(), "INFO", "stop requested (keep_position=" + keepPosition + ")");
            return new Stopping(executorId, "stopping", keepPosition);
        });
    }

    /** The executor's stored log entries, oldest first, only {@code level} when given: the same on every replica. */
    public List<ExecutorLogEntry> logs(String executorId, String level) {
        return logsAfter(executorId, level, 0);
    }

    /** The entries stored after {@code afterSeq} (what a stream has not pushed yet). */
    public List<ExecutorLogEntry> logsAfter(String executorId, String level, long afterSeq) {
        List<ExecutorLogEntry> entries = logs.entriesAfter(executorId, level, afterSeq);
        if (entries.isEmpty() && !hostOf.containsKey(executorId)) {
            repository.find(executorId).orElseThrow(() -> notFound(executorId));
        }
        return entries;
    }

    /** One page of the search and the total the filter selects. */
    public record SearchPage(List<ExecutorRow> rows, boolean hasMore, String nextCursor, long total) {
    }

    public SearchPage search(ExecutorFilter filter) {
        List<ExecutorRow> rows = repository.search(filter);
        boolean more = rows.size() > filter.limit();
        List<ExecutorRow> page = more ? rows.subList(0, filter.limit()) : rows;
        String next = more ? page.getLast().cursor() : null;
        return new SearchPage(page, more, next, repository.count(filter));
    }

    public ExecutorReports.Summary summary() {
        return ExecutorReports.summary(repository.active());
    }

    public ExecutorReports.Performance performance(String controllerId) {
        return ExecutorReports.performance(controllerId, repository.byController(controllerId),
                repository.activeHolds(controllerId), h -> price(h.connectorName(), h.tradingPair()));
    }

    public List<PositionHold> holds(String controllerId) {
        return repository.activeHolds(controllerId);
    }

    public PositionHold hold(String account, String connector, String pair, String controllerId) {
        return repository.activeHolds(controllerId).stream()
                .filter(h -> h.accountName().equals(account) && h.connectorName().equals(connector)
                        && h.tradingPair().equals(pair))
                .findFirst()
                .orElseThrow(() -> new NotFound("No position hold found for " + bounded(connector) + "/"
                        + bounded(pair)));
    }

    public void clearHold(String account, String connector, String pair, String controllerId) {
        if (!repository.clearHold(account, connector, pair, controllerId, clock.instant())) {
            throw new NotFound("No position hold found for " + bounded(connector) + "/" + bounded(pair));
        }
    }

    /** The venue's last price of a pair, for unrealized PnL; null when unknown. */
    public BigDecimal price(String connector, String pair) {
        try {
            return rules.lastPrice(connector, TradingPair.parse(pair)).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static NotFound notFound(String executorId) {
        return new NotFound("Executor " + bounded(executorId) + " not found");
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String bounded(String text) {
        return text == null || text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    @PreDestroy
    @Override
    public void close() {
        sweeper.shutdownNow();
        hosts.values().forEach(ExecutorHost::close);
    }
}
