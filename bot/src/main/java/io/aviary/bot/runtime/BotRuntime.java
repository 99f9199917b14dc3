package io.aviary.bot.runtime;

import io.aviary.execution.LiveMarketView;
import io.aviary.execution.HummingbotOrderIds;
import io.aviary.execution.PerpetualSettings;
import io.aviary.bot.events.BotEventListener;
import io.aviary.bot.events.UnfinishedOrder;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.strategy.config.CandleSource;
import io.aviary.strategy.config.DirectionalControllerConfig;
import io.aviary.strategy.config.PmmDynamicConfig;
import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.controller.ControllerConfig;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import io.aviary.strategy.executor.ExecutorInfo;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live V2 runtime of one bot (Hummingbot's {@code v2_with_controllers}): N controllers, each on its connector
 * and pair, stepped on one strategy thread once per tick (1 s by default). Per tick: every paused connector tries
 * to reconcile and resume; the order outcomes the venues sent are applied; each controller's market is read, its
 * executors step and it decides; reports are published; drawdown limits are checked. Between ticks the thread
 * applies order outcomes as they arrive, so fills reach executors (and {@code OrderFilled} events the listener)
 * without waiting for the next tick.
 *
 * <p>Drawdown (hummingbot-internals §3.1): per controller, when {@code max_pnl − global_pnl_quote >
 * max_controller_drawdown_quote} (the peak starts at 0) the controller stops deciding and its executors that hold no
 * position are stopped; for the bot, when the peak of the summed {@code global_pnl_quote} minus the sum exceeds
 * {@code max_global_drawdown_quote}, the whole bot stops (executors stopped early, open orders cancelled).
 *
 * <p>Other threads read {@link #performance()}, {@link #executors()}, {@link #status()}: immutable snapshots of the
 * last tick. {@link #stop} is idempotent and returns within {@code stopTimeout} plus a second.
 */
public final class BotRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BotRuntime.class);

  /**
   * @param tickInterval Hummingbot's clock tick (1 s)
   * @param stopTimeout how long a stop waits for executors to close and orders to be cancelled
   * @param reconcileInterval how often open orders are re-read from the venue even without an outage (fills a
   *     silently broken stream missed)
   * @param maxGlobalDrawdownQuote null: no limit
   * @param maxControllerDrawdownQuote null: no limit
   */
  public record Settings(Duration tickInterval, Duration stopTimeout, Duration reconcileInterval,
      BigDecimal maxGlobalDrawdownQuote, BigDecimal maxControllerDrawdownQuote) {

    public static Settings defaults(BigDecimal maxGlobalDrawdownQuote, BigDecimal maxControllerDrawdownQuote) {
      return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(30),
          maxGlobalDrawdownQuote, maxControllerDrawdownQuote);
    }
  }

  /** One connector's authenticated session and public data, shared by the controllers trading on it. */
  public record ConnectorSession(String connectorName, TradingConnector trading, MarketDataConnector marketData) {}

  /** Where the runtime is in its life. */
  public enum State { NEW, RUNNING, STOPPING, STOPPED }

  private final Settings settings;
  private final Clock clock;
  private final Map<String, LiveOrderGateway> gateways = new LinkedHashMap<>();
  private final Map<String, TradingConnector> tradingByConnector = new LinkedHashMap<>();
  private final List<ControllerRunner> runners = new ArrayList<>();
  private final Semaphore wakeUp = new Semaphore(0);
  private final ConcurrentLinkedQueue<Controller> replacements = new ConcurrentLinkedQueue<>();
  private final Object lifecycle = new Object();
  private volatile State state = State.NEW;
  private volatile boolean stopRequested;
  private List<UnfinishedOrder> leftOpen = List.of();
  private boolean cancelLeftOpen;
  private volatile boolean skipOrderCancellation;
  private volatile String stopReason;
  private Thread thread;
  private volatile Consumer<? super ExecutorInfo> executorClosed = e -> {};
  private double maxGlobalPnl;
  private long nextReconcileNanos;

  /**
   * @param sessions by connector name; every controller's {@code connector_name} must have one
   * @param marketDataByConnector public data of any connector a controller's candles config names
   * @param events receives the order events on the strategy thread (a listener hands them to its own thread)
   */
  public BotRuntime(Settings settings, Collection<ConnectorSession> sessions, List<Controller> controllers,
      Function<String, MarketDataConnector> marketDataByConnector, BotEventListener events, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    HummingbotOrderIds ids = new HummingbotOrderIds("", HummingbotOrderIds.DEFAULT_MAX_LENGTH);
    for (ConnectorSession s : sessions) {
      tradingByConnector.put(s.connectorName(), s.trading());
      gateways.put(s.connectorName(), new LiveOrderGateway(s.connectorName(), s.trading(), s.marketData(), ids, events,
          clock, wakeUp::release));
    }
    Map<String, MarketDataConnector> marketData = new LinkedHashMap<>();
    sessions.forEach(s -> marketData.put(s.connectorName(), s.marketData()));
    for (Controller controller : controllers) {
      ControllerConfig config = controller.config();
      LiveOrderGateway gateway = gateways.get(config.connectorName());
      if (gateway == null) {
        throw new IllegalArgumentException("controller " + config.id() + " trades on " + config.connectorName()
            + ", which has no connector session");
      }
      LiveMarketView view = new LiveMarketView(config.connectorName(), TradingPair.parse(config.tradingPair()),
          marketData.get(config.connectorName()), candleFeed(config, name -> marketData.containsKey(name)
              ? marketData.get(name) : marketDataByConnector.apply(name)), clock);
      runners.add(new ControllerRunner(controller, gateway, view, e -> executorClosed.accept(e)));
    }
  }

  /** The candles source a controller's config names, or null when it reads none. */
  static CandleSource candleSource(ControllerConfig config) {
    return switch (config) {
      case DirectionalControllerConfig d -> d.candles();
      case PmmDynamicConfig p -> p.candles();
      default -> null;
    };
  }

  /** The candles a controller's config asks for, or null when it reads none. */
  static LiveMarketView.CandleFeed candleFeed(ControllerConfig config, Function<String, MarketDataConnector> byName) {
    CandleSource source = candleSource(config);
    if (source == null) {
      return null;
    }
    CandleInterval interval = CandleInterval.fromWireName(source.interval()).orElseThrow(
        () -> new IllegalArgumentException("controller " + config.id() + ": unknown candle interval"));
    MarketDataConnector data = byName.apply(source.connector());
    if (data == null) {
      throw new IllegalArgumentException("controller " + config.id() + ": no market data for candles connector "
          + source.connector());
    }
    return new LiveMarketView.CandleFeed(data, TradingPair.parse(source.tradingPair()), interval);
  }

  /**
   * Replaces a running controller by one made from its edited config (Hummingbot re-reads {@code conf/controllers}
   * every 10 s): it decides from the next tick on; executors already running keep the config they were created with.
   * The id, market and candles source must stay (they bind the controller to its connector session and feed).
   *
   * @throws IllegalArgumentException naming what cannot change, or an unknown controller id
   */
  public void updateController(Controller next) {
    ControllerConfig config = next.config();
    ControllerRunner runner = runners.stream().filter(r -> r.id().equals(config.id())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no running controller has id " + config.id()));
    ControllerConfig current = runner.controller().config();
    if (!current.connectorName().equals(config.connectorName()) || !current.tradingPair().equals(config.tradingPair())
        || !Objects.equals(candleSource(current), candleSource(config))) {
      throw new IllegalArgumentException("controller " + config.id() + ": connector_name, trading_pair and the "
          + "candles source cannot change while the bot runs (restart the bot for that)");
    }
    replacements.add(next);
    wakeUp.release();
  }

  /**
   * Orders a previous run left unfinished, taken over at {@link #start()} (see {@link LiveOrderGateway#adopt}):
   * reconciled with the venue, and cancelled when {@code cancel}. Orders on a connector this run has no session for
   * are left alone. Set before {@link #start()}.
   */
  public void adoptOrdersLeftOpen(List<UnfinishedOrder> orders, boolean cancel) {
    Set<String> connectors = gateways.keySet();
    List<UnfinishedOrder> elsewhere = orders.stream().filter(o -> !connectors.contains(o.connector())).toList();
    if (!elsewhere.isEmpty()) {
      log.warn("{} unfinished order(s) of a previous run are on connectors this run does not open: {}",
          elsewhere.size(), elsewhere.stream().map(UnfinishedOrder::orderId).limit(10).toList());
    }
    this.leftOpen = List.copyOf(orders);
    this.cancelLeftOpen = cancel;
  }

  /**
   * The position holds a previous run of this bot stored at its stop (Hummingbot reloads its {@code Position} rows
   * at start), by controller id. Hummingbot's rules: a controller whose config declares {@code initial_positions}
   * starts from those instead (they are booked at the mid at its first tick, never on top of a stored hold), and a
   * stored hold on another market than the controller's is skipped. As this runtime keeps one netted hold per
   * controller and stores it as one row, the latest row of the controller's market is the hold (an older row of the
   * other side is one the hold has since crossed). Set before {@link #start()}.
   */
  public void restoreHolds(Map<String, List<PositionSummary>> storedByController) {
    if (state != State.NEW) {
      throw new IllegalStateException("position holds are restored before start");
    }
    for (ControllerRunner runner : runners) {
      List<PositionSummary> stored = storedByController.getOrDefault(runner.id(), List.of());
      if (stored.isEmpty()) {
        continue;
      }
      if (runner.declaresInitialPositions()) {
        log.info("controller {}: initial_positions given, the stored position hold is not reloaded", runner.id());
        continue;
      }
      ControllerConfig config = runner.controller().config();
      List<PositionSummary> own = stored.stream().filter(p -> p.connectorName().equals(config.connectorName())
          && p.tradingPair().equals(config.tradingPair())).toList();
      if (own.size() < stored.size()) {
        log.warn("controller {}: {} stored position hold(s) on another market than {} {} skipped", runner.id(),
            stored.size() - own.size(), config.connectorName(), config.tradingPair());
      }
      if (!own.isEmpty()) {
        runner.restoreHold(own.getLast());
        log.info("controller {}: position hold of the previous run reloaded ({} {})", runner.id(),
            own.getLast().side(), own.getLast().amount());
      }
    }
  }

  /** Applies {@code balance limit}s to every connector's orders from now on. */
  public void useBalanceLimits(BalanceLimits limits) {
    gateways.values().forEach(g -> g.useBalanceLimits(limits));
  }

  /**
   * Receives every executor as it terminates, on the strategy thread (the live object: read it there, hand the
   * result to another thread). Set before {@link #start()}.
   */
  public void onExecutorClosed(Consumer<? super ExecutorInfo> listener) {
    this.executorClosed = listener;
  }

  /**
   * Applies the perpetual controllers' position mode and leverage (v2_with_controllers' {@code
   * apply_initial_setting}), subscribes the user streams and starts the strategy thread.
   */
  public void start() {
    synchronized (lifecycle) {
      if (state != State.NEW) {
        throw new IllegalStateException("a bot runtime starts once (state " + state + ")");
      }
      runners.forEach(r -> applyPerpetualSettings(r.controller().config()));
      gateways.values().forEach(LiveOrderGateway::start);
      gateways.values().forEach(g -> g.adopt(leftOpen, cancelLeftOpen));
      state = State.RUNNING;
      thread = Thread.ofPlatform().name("bot-strategy").daemon(false).start(this::run);
    }
  }

  /**
   * A perpetual controller's position mode and leverage, set on its account. A venue that refuses is logged, as
   * Hummingbot does; the controller still runs (its orders will say what is wrong).
   */
  private void applyPerpetualSettings(ControllerConfig config) {
    PerpetualSettings.of(config).ifPresent(settings -> settings.apply(config.connectorName(),
        TradingPair.parse(config.tradingPair()), tradingByConnector.get(config.connectorName()))
        .forEach(refusal -> log.warn("{}: {}", config.id(), refusal.message())));
  }

  /**
   * Stops the bot: unless {@code skipOrderCancellation}, every executor is stopped early (positions closed as
   * Hummingbot's early stop does) and every open order the bot placed is cancelled; then the user streams close.
   * Idempotent (the first call's choice stands) and bounded: returns after at most {@code stopTimeout} plus a
   * second.
   *
   * @return true when the strategy thread has ended
   */
  public boolean stop(boolean skipOrderCancellation) {
    synchronized (lifecycle) {
      if (state == State.NEW) {
        state = State.STOPPED;
        gateways.values().forEach(LiveOrderGateway::close);
        return true;
      }
      if (!stopRequested) {
        this.skipOrderCancellation = skipOrderCancellation;
        this.stopReason = "stop requested";
        stopRequested = true;
      }
    }
    wakeUp.release();
    if (Thread.currentThread() == thread) {
      return false; // asked from the strategy thread itself: the loop ends after this tick
    }
    try {
      thread.join(settings.stopTimeout().plusSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return !thread.isAlive();
  }

  @Override
  public void close() {
    stop(false);
  }

  private void run() {
    long tick = settings.tickInterval().toNanos();
    long nextTick = System.nanoTime();
    nextReconcileNanos = nextTick + settings.reconcileInterval().toNanos();
    try {
      while (!stopRequested) {
        long wait = nextTick - System.nanoTime();
        if (wait > 0) {
          wakeUp.tryAcquire(wait, TimeUnit.NANOSECONDS);
          wakeUp.drainPermits();
          guarded("order updates", this::applyOrderOutcomes);
          continue;
        }
        nextTick = Math.max(nextTick + tick, System.nanoTime());
        guarded("tick", this::tick);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      shutDown();
    }
  }

  private void tick() {
    boolean reconcileDue = System.nanoTime() >= nextReconcileNanos;
    for (LiveOrderGateway gateway : gateways.values()) {
      if (gateway.isPaused() || reconcileDue) {
        gateway.tryResume();
      }
    }
    if (reconcileDue) {
      nextReconcileNanos = System.nanoTime() + settings.reconcileInterval().toNanos();
    }
    applyOrderOutcomes();
    for (Controller next; (next = replacements.poll()) != null; ) {
      String id = next.config().id();
      Controller replacement = next;
      runners.stream().filter(r -> r.id().equals(id)).findFirst().ifPresent(r -> r.replace(replacement));
      log.info("controller {}: config reloaded", id);
    }
    for (ControllerRunner runner : runners) {
      try {
        runner.tick();
      } catch (RuntimeException e) {
        log.error("controller {} failed this tick: {}", runner.id(), e.toString(), e);
      }
    }
    applyOrderOutcomes();
    runners.forEach(ControllerRunner::publish);
    checkDrawdowns();
  }

  private void applyOrderOutcomes() {
    gateways.values().forEach(LiveOrderGateway::processInbox);
    runners.forEach(ControllerRunner::collectDone);
  }

  private void checkDrawdowns() {
    BigDecimal controllerLimit = settings.maxControllerDrawdownQuote();
    if (controllerLimit != null) {
      for (ControllerRunner runner : runners) {
        if (runner.isRunning() && runner.drawdownExceeded(controllerLimit.doubleValue())) {
          log.info("Controller {} reached max drawdown. Stopping the controller.", runner.id());
          runner.stopForDrawdown("max_controller_drawdown_quote reached");
          runner.publish();
        }
      }
    }
    BigDecimal globalLimit = settings.maxGlobalDrawdownQuote();
    if (globalLimit != null) {
      double global = runners.stream().mapToDouble(r -> r.performance().globalPnlQuote()).sum();
      if (global > maxGlobalPnl) {
        maxGlobalPnl = global;
      } else if (maxGlobalPnl - global > globalLimit.doubleValue()) {
        log.info("Global drawdown reached. Stopping the strategy.");
        stopReason = "max_global_drawdown_quote reached";
        skipOrderCancellation = false;
        stopRequested = true;
      }
    }
  }

  /** Strategy thread: stop executors and cancel orders (unless skipped), bounded by {@code stopTimeout}. */
  private void shutDown() {
    state = State.STOPPING;
    try {
      if (!skipOrderCancellation) {
        long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
        applyOrderOutcomes();
        runners.forEach(r -> r.stopAll(stopReason));
        waitUntil(deadline, () -> runners.stream().noneMatch(ControllerRunner::hasActiveExecutors), true);
        gateways.values().forEach(LiveOrderGateway::cancelAll);
        waitUntil(deadline, () -> gateways.values().stream().allMatch(g -> g.openOrderIds().isEmpty()), false);
        List<String> left = gateways.values().stream().flatMap(g -> g.openOrderIds().stream()).toList();
        if (!left.isEmpty()) {
          log.warn("Stop: {} order(s) still open after {}: {}", left.size(), settings.stopTimeout(), left);
        }
      } else {
        runners.forEach(r -> r.halt(stopReason)); // orders and executors stay as they are
      }
    } catch (RuntimeException e) {
      log.error("Stop did not complete: {}", e.toString(), e);
    } finally {
      runners.forEach(ControllerRunner::publish);
      gateways.values().forEach(LiveOrderGateway::close);
      state = State.STOPPED;
    }
  }

  private void waitUntil(long deadline, java.util.function.BooleanSupplier done, boolean stepExecutors) {
    long pause = Math.min(settings.tickInterval().toNanos(), TimeUnit.MILLISECONDS.toNanos(200));
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        wakeUp.tryAcquire(pause, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      wakeUp.drainPermits();
      for (LiveOrderGateway gateway : gateways.values()) {
        if (gateway.isPaused()) {
          gateway.tryResume();
        }
      }
      applyOrderOutcomes();
      if (stepExecutors) {
        runners.forEach(ControllerRunner::stepExecutorsOnly);
        applyOrderOutcomes();
      }
    }
  }

  private void guarded(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.error("bot runtime: {} failed: {}", what, e.toString(), e);
    }
  }

  public State state() {
    return state;
  }

  /** Why the bot stopped (a stop request or a drawdown limit); null while running. */
  public String stopReason() {
    return state == State.RUNNING && !stopRequested ? null : stopReason;
  }

  /** Per-controller performance as of the last tick, in config order. */
  public Map<String, PerformanceReport> performance() {
    Map<String, PerformanceReport> reports = new LinkedHashMap<>();
    runners.forEach(r -> reports.put(r.id(), r.performance()));
    return reports;
  }

  /** Every executor the bot has run (closed ones oldest first, then active ones), as of the last tick. */
  public List<ExecutorSnapshot> executors() {
    List<ExecutorSnapshot> all = new ArrayList<>();
    runners.forEach(r -> all.addAll(r.executors()));
    return all;
  }

  /** The controllers and whether each still decides. */
  public List<ControllerStatus> controllers() {
    return runners.stream().map(r -> new ControllerStatus(r.id(), r.controller().config().controllerName(),
        r.controller().config().connectorName(), r.controller().config().tradingPair(), r.isRunning(),
        r.stopReason(), r.gateway().isPaused() ? r.gateway().pauseReason() : null)).toList();
  }

  /** Hummingbot's {@code status} text: controllers, active executors, PnL. */
  public String status() {
    return StatusText.render(state, controllers(), performance(), executors());
  }

  /**
   * @param pausedBecause non-null while the controller's connector is paused by a venue outage
   */
  public record ControllerStatus(String id, String controllerName, String connectorName, String tradingPair,
      boolean running, String stopReason, String pausedBecause) {}
}
