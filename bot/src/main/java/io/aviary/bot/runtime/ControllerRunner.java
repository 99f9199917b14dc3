package io.aviary.bot.runtime;

import io.aviary.execution.LiveMarketView;
import io.aviary.connectors.port.VenueException;
import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.Executor;
import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorSupervisor;
import io.aviary.strategy.executor.PositionHoldLedger;
import io.aviary.strategy.executor.TradeType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One controller live: its market view, its executors (through the shared {@link ExecutorSupervisor}) on its
 * connector's {@link LiveOrderGateway}, and what it publishes after each tick (immutable snapshots that other
 * threads read). Strategy thread only, except the published snapshots.
 */
final class ControllerRunner {
  private static final Logger log = LoggerFactory.getLogger(ControllerRunner.class);
  /**
   * Closed executors kept in memory for {@link BotRuntime#executors()} (Hummingbot keeps 30); every one is handed to
   * the runtime's closed-executor listener as it closes, which stores it.
   */
  static final int MAX_CLOSED_KEPT = 1_000;

  /** Replaced (on the strategy thread) when its config file is edited; read by status from other threads. */
  private volatile Controller controller;
  private final LiveOrderGateway gateway;
  private final LiveMarketView market;
  private final ExecutorSupervisor executors;
  private final LinkedHashMap<String, ExecutorSnapshot> closed = new LinkedHashMap<>();
  private boolean marketReady;
  private volatile boolean running = true;
  private volatile String stopReason;
  /** Highest {@code global_pnl_quote} seen, starting at 0 (v2_with_controllers' {@code max_pnl_by_controller}). */
  private double maxPnl;
  private volatile PerformanceReport performance;
  private volatile List<ExecutorSnapshot> snapshots = List.of();

  private final Consumer<? super Executor> closedListener;
  /** The config's netted initial_positions, booked at the first tick with a mid; NaN once booked or when none. */
  private double initialBase = Double.NaN;

  ControllerRunner(Controller controller, LiveOrderGateway gateway, LiveMarketView market,
      Consumer<? super Executor> closedListener) {
    this.controller = controller;
    this.closedListener = closedListener;
    this.gateway = gateway;
    this.market = market;
    this.executors = new ExecutorSupervisor(gateway, new ExecutorIds(), false);
    this.executors.onClosed(this::keepClosed);
    this.performance = PerformanceReport.of(id(), 0, 0, 0, List.of(), Map.of());
    controller.config().initialPositionsBase().ifPresent(base -> initialBase = base);
  }

  /** Whether the config declares initial_positions (they then stand for the hold, not a stored one). */
  boolean declaresInitialPositions() {
    return controller.config().initialPositionsBase().isPresent();
  }

  /** Seeds the hold with the one a previous run stored at its stop (before the first tick). */
  void restoreHold(PositionSummary stored) {
    double signed = stored.side() == TradeType.SELL ? -stored.amount() : stored.amount();
    executors.hold().restore(signed, stored.breakevenPrice(), stored.realizedPnlQuote(), stored.cumFeesQuote(),
        stored.volumeTradedQuote());
  }

  String id() {
    return controller.config().id();
  }

  Controller controller() {
    return controller;
  }

  /** Decides with {@code next} from the next tick on (same id and market; the runtime checked). */
  void replace(Controller next) {
    controller = next;
  }

  LiveOrderGateway gateway() {
    return gateway;
  }

  /**
   * One step: read the market, step the executors, let the controller decide (while it runs) and apply its
   * actions. Skipped while the connector is paused (venue outage: no new orders) or the market cannot be read.
   */
  void tick() {
    if (gateway.isPaused()) {
      return;
    }
    try {
      marketReady = market.refresh();
    } catch (VenueException e) {
      log.debug("{}: market data unavailable this tick: {}", id(), e.getMessage());
      marketReady = false;
    }
    if (!marketReady) {
      return;
    }
    if (!Double.isNaN(initialBase)) {
      if (!executors.openInitialPosition(initialBase, market)) {
        return; // no mid yet: deciding now would see nothing held and buy the declared base again
      }
      initialBase = Double.NaN;
    }
    executors.stepActive(market);
    List<ExecutorAction> actions = running
        ? controller.determineActions(market, executors.active(), executors.closedSinceLastDecision(),
            executors.hold())
        : List.of();
    executors.apply(actions, market);
  }

  /** Collects executors an order outcome terminated between ticks. */
  void collectDone() {
    executors.collectDone();
  }

  boolean isRunning() {
    return running;
  }

  String stopReason() {
    return stopReason;
  }

  /**
   * v2_with_controllers' drawdown stop of one controller: no more actions, and its active executors that hold no
   * position are stopped (those trading keep their barriers).
   */
  void stopForDrawdown(String reason) {
    running = false;
    stopReason = reason;
    for (Executor e : List.copyOf(executors.active())) {
      if (e.isActive() && !e.isTrading()) {
        executors.stop(e.id(), false, market);
      }
    }
    executors.collectDone();
  }

  /** A stopping bot: the controller decides no more and every executor is stopped early. */
  void stopAll(String reason) {
    running = false;
    if (stopReason == null) {
      stopReason = reason;
    }
    executors.stopAll(market, false);
  }

  /** A bot stopping with {@code skip_order_cancellation}: no more decisions, executors and orders left as they are. */
  void halt(String reason) {
    running = false;
    if (stopReason == null) {
      stopReason = reason;
    }
  }

  /** Steps executors without decisions (a stopping bot waits for their closing orders). */
  void stepExecutorsOnly() {
    if (gateway.isPaused()) {
      return;
    }
    try {
      market.refresh();
    } catch (VenueException e) {
      return;
    }
    executors.stepActive(market);
    executors.apply(List.of(), market);
  }

  boolean hasActiveExecutors() {
    return !executors.active().isEmpty();
  }

  /** Updates the drawdown peak; true when {@code max_pnl − global_pnl > limit} (v2_with_controllers' rule). */
  boolean drawdownExceeded(double limit) {
    double pnl = performance.globalPnlQuote();
    if (pnl > maxPnl) {
      maxPnl = pnl;
      return false;
    }
    return maxPnl - pnl > limit;
  }

  /** Computes the report and executor snapshots other threads read until the next tick. */
  void publish() {
    List<ExecutorSnapshot> active = new ArrayList<>(executors.active().size());
    double unrealized = 0;
    double volume = executors.closedVolumeQuote();
    for (Executor e : executors.active()) {
      ExecutorSnapshot s = ExecutorSnapshot.of(e);
      active.add(s);
      unrealized += s.netPnlQuote();
      volume += s.filledAmountQuote();
    }
    PositionHoldLedger hold = executors.hold();
    double realized = executors.closedRealizedQuote();
    List<PositionSummary> positions = List.of();
    if (!hold.isEmpty()) {
      double mid = market.midPrice();
      double holdUnrealized = Double.isNaN(mid) ? 0 : hold.unrealized(mid);
      realized += hold.realized();
      unrealized += holdUnrealized;
      volume += hold.volumeQuote();
      positions = List.of(new PositionSummary(controller.config().connectorName(),
          controller.config().tradingPair(), hold.volumeQuote(), hold.netBase() >= 0 ? TradeType.BUY : TradeType.SELL,
          Math.abs(hold.netBase()), hold.averageEntry(), holdUnrealized, hold.realized(), hold.cumFees()));
    }
    Map<CloseType, Integer> counts = new EnumMap<>(CloseType.class);
    for (CloseType type : CloseType.values()) {
      if (executors.closedWith(type) > 0) {
        counts.put(type, executors.closedWith(type));
      }
    }
    performance = PerformanceReport.of(id(), realized, unrealized, volume, positions, counts);
    List<ExecutorSnapshot> all = new ArrayList<>(closed.size() + active.size());
    all.addAll(closed.values());
    all.addAll(active);
    snapshots = List.copyOf(all);
  }

  private void keepClosed(Executor e) {
    closedListener.accept(e);
    closed.put(e.id(), ExecutorSnapshot.of(e));
    if (closed.size() > MAX_CLOSED_KEPT) {
      closed.remove(closed.keySet().iterator().next());
    }
  }

  PerformanceReport performance() {
    return performance;
  }

  /** Closed executors (oldest first) then active ones, as of the last tick. */
  List<ExecutorSnapshot> executors() {
    return snapshots;
  }
}
