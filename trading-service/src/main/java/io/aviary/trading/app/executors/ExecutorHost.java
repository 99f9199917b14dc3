package io.aviary.trading.app.executors;

import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.execution.LiveMarketView;
import io.aviary.kit.failure.TimedOut;
import io.aviary.kit.failure.UseCaseException;
import io.aviary.strategy.executor.ConnectorPair;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.market.MarketView;
import io.aviary.trading.domain.SessionKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the executors of one trading session on one thread: every tick it reads each traded market once
 * ({@link LiveMarketView}; an executor spanning two markets, such as arbitrage or XEMM, sees the other market's view
 * through {@link MarketView#market}, its orders go to that market's session), steps the executors on it, writes and publishes what changed and finishes those that
 * terminated. Order outcomes and API calls (create, stop) are queued onto the same thread, so an executor is only
 * ever touched by it (strategy's threading rule) and never re-entered from inside its own order placement.
 */
final class ExecutorHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutorHost.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    /** Book levels read per side: what an executor's price for its whole amount averages over. */
    private static final int BOOK_DEPTH = 20;

    private final SessionKey session;
    private final Function<String, MarketDataConnector> marketData;
    private final VenueFees fees;
    private final ExecutorRecords records;
    private final Clock clock;
    private final Consumer<HostedExecutor> onTerminated;
    private final ScheduledExecutorService thread;
    private final Map<String, HostedExecutor> running = new LinkedHashMap<>();
    private final Map<ConnectorPair, LiveMarketView> views = new HashMap<>();

    /** @param marketData the public data of a connector, by name (the session's and any other an executor trades) */
    ExecutorHost(SessionKey session, Function<String, MarketDataConnector> marketData, VenueFees fees,
            ExecutorRecords records, Clock clock, Duration tick, Consumer<HostedExecutor> onTerminated) {
        this.session = session;
        this.marketData = marketData;
        this.fees = fees;
        this.records = records;
        this.clock = clock;
        this.onTerminated = onTerminated;
        this.thread = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("executors-" + session).daemon().factory());
        thread.scheduleWithFixedDelay(this::tick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    SessionKey session() {
        return session;
    }

    /** Runs {@code work} on the host thread and waits for it; its use-case failures reach the caller as thrown. */
    <T> T call(Callable<T> work) {
        Future<T> future = thread.submit(work);
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new TimedOut("The executors host of " + session + " did not answer within "
                    + CALL_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimedOut("Interrupted while waiting for the executors host of " + session);
        }
    }

    /** Queues an order outcome for a hosted executor; it runs after whatever the thread is doing now. */
    void deliver(String executorId, Runnable outcome) {
        if (thread.isShutdown()) {
            return; // this host was closed (its replica stops): whoever resumes the executor reconciles the outcome
        }
        try {
            thread.execute(() -> run(executorId, outcome));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile: as above
        }
    }

    private void run(String executorId, Runnable outcome) {
        HostedExecutor hosted = running.get(executorId);
        if (hosted == null) {
            return;
        }
        try {
            outcome.run();
        } catch (RuntimeException e) {
            hosted.log.add(clock.instant(), "ERROR", "handling an order outcome failed: " + e);
        }
        afterChange(hosted, clock.instant());
    }

    /** The market view of {@code pair} on this host's connector, refreshed now. Host thread only. */
    LiveMarketView freshView(String pair) {
        return freshView(new ConnectorPair(session.connectorName(), pair));
    }

    /** The market view of {@code market}, refreshed now. Host thread only. */
    LiveMarketView freshView(ConnectorPair market) {
        LiveMarketView view = views.computeIfAbsent(market, m -> new LiveMarketView(m.connectorName(),
                TradingPair.parse(m.tradingPair()), marketData.apply(m.connectorName()), null, clock, BOOK_DEPTH,
                fees.of(m.connectorName())));
        view.refresh();
        return view;
    }

    /** What an executor of {@code config} sees now: every market it trades, refreshed. Host thread only. */
    MarketView freshView(ExecutorConfig config) {
        return view(config, new HashMap<>());
    }

    /** The executor's view from the markets read this tick ({@code fresh}), reading those not read yet. */
    private MarketView view(ExecutorConfig config, Map<ConnectorPair, LiveMarketView> fresh) {
        List<ConnectorPair> markets = config.markets();
        for (ConnectorPair market : markets) {
            if (!fresh.containsKey(market)) {
                fresh.put(market, freshView(market));
            }
        }
        LiveMarketView own = fresh.get(markets.getFirst());
        return markets.size() == 1 ? own : new CrossMarketView(own, Map.copyOf(fresh));
    }

    /** Adopts a started executor. Host thread only. */
    void adopt(HostedExecutor hosted) {
        running.put(hosted.id(), hosted);
        afterChange(hosted, clock.instant());
    }

    HostedExecutor running(String executorId) {
        return running.get(executorId);
    }

    private void tick() {
        if (running.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<ConnectorPair, LiveMarketView> fresh = new HashMap<>();
        for (HostedExecutor hosted : List.copyOf(running.values())) {
            try {
                hosted.executor.step(view(hosted.executor.config(), fresh));
            } catch (UseCaseException | io.aviary.connectors.port.VenueException e) {
                hosted.log.add(now, "WARNING", "not stepped this tick: " + e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Executor {} on {} failed a step", hosted.id(), session, e);
                hosted.log.add(now, "ERROR", "step failed: " + e);
            }
            afterChange(hosted, now);
        }
        try {
            records.heartbeat(new ArrayList<>(running.keySet()), now);
        } catch (RuntimeException e) {
            log.warn("Could not record the heartbeat of the executors on {}: {}", session, e.toString());
        }
    }

    /** Writes and publishes what changed; finishes a terminated executor. */
    private void afterChange(HostedExecutor hosted, Instant now) {
        try {
            if (hosted.executor.isDone()) {
                records.stopped(hosted, now); // a failure leaves it running here: the next tick records it again
                running.remove(hosted.id());
                hosted.log.add(now, "INFO", "terminated: " + hosted.executor.closeType());
                onTerminated.accept(hosted);
                return;
            }
            HostedExecutor.Figures update = hosted.dueUpdate(now);
            String checkpoint = hosted.dueCheckpoint(update != null);
            if (update != null) {
                records.updated(hosted, update, checkpoint, now);
            } else if (checkpoint != null) {
                records.checkpoint(hosted.id(), checkpoint);
            }
        } catch (RuntimeException e) {
            hosted.checkpointNotStored();
            log.warn("Could not record executor {} on {}: {}", hosted.id(), session, e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /**
     * The view of an executor's own market that also answers for the other markets it trades, all read in the same
     * tick (strategy's {@link MarketView#market}).
     */
    private record CrossMarketView(LiveMarketView own, Map<ConnectorPair, LiveMarketView> markets)
            implements MarketView {

        @Override
        public MarketView market(String connectorName, String tradingPair) {
            LiveMarketView view = markets.get(new ConnectorPair(connectorName, tradingPair));
            if (view == null) {
                throw new IllegalArgumentException("not a market of this executor: " + connectorName + " "
                        + tradingPair);
            }
            return view;
        }

        @Override
        public long now() {
            return own.now();
        }

        @Override
        public String connectorName() {
            return own.connectorName();
        }

        @Override
        public String tradingPair() {
            return own.tradingPair();
        }

        @Override
        public io.aviary.strategy.market.Candles candles() {
            return own.candles();
        }

        @Override
        public double midPrice() {
            return own.midPrice();
        }

        @Override
        public double lastPrice() {
            return own.lastPrice();
        }

        @Override
        public double bestBid() {
            return own.bestBid();
        }

        @Override
        public double bestAsk() {
            return own.bestAsk();
        }

        @Override
        public double feeRate(boolean maker) {
            return own.feeRate(maker);
        }

        @Override
        public io.aviary.strategy.market.TradingRules tradingRules() {
            return own.tradingRules();
        }
    }
}
