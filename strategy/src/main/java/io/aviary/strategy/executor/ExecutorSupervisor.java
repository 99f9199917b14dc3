package io.aviary.strategy.executor;

import io.aviary.strategy.market.MarketView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The executor lifecycle of one controller, shared by every host (backtester, bot): creates executors from
 * {@link ExecutorAction}s, steps the active ones, moves terminated ones to "closed since the last decision", stops
 * them on request and keeps the controller's accounting (Hummingbot's {@code ExecutorOrchestrator} for one
 * controller). Executors that end in {@link CloseType#POSITION_HOLD} hand their fills to a
 * {@link PositionHoldLedger}; the others' net PnL, fees and volume are summed when they close, so no report scans
 * the history.
 *
 * <p>A host's step: {@link #stepActive} → {@code controller.determineActions(market, active(),
 * closedSinceLastDecision(), hold())} → {@link #apply}. Not thread-safe: one host thread drives it. The hot path (a
 * backtest step without actions) allocates nothing.
 */
public final class ExecutorSupervisor {

  /** Names a new executor whose config carries no id; {@code sequence} counts from 1 per supervisor. */
  @FunctionalInterface
  public interface ExecutorIds {
    String next(ExecutorConfig config, int sequence);
  }

  private final OrderGateway gateway;
  private final ExecutorIds ids;
  private final boolean keepsAll;
  private final ArrayList<Executor> all = new ArrayList<>();
  private final ArrayList<Executor> active = new ArrayList<>();
  private final ArrayList<Executor> closed = new ArrayList<>();
  private final List<Executor> allView = Collections.unmodifiableList(all);
  private final List<Executor> activeView = Collections.unmodifiableList(active);
  private final List<Executor> closedView = Collections.unmodifiableList(closed);
  private final PositionHoldLedger hold = new PositionHoldLedger();
  private final int[] closeTypeCounts = new int[CloseType.values().length];
  private Consumer<Executor> onClosed = e -> {};
  private boolean checkpointable;
  private double closedRealized;
  private double closedVolume;
  private double closedFees;
  private int created;

  /** A supervisor that keeps every executor it created for {@link #all()} (a backtest reports them all). */
  public ExecutorSupervisor(OrderGateway gateway, ExecutorIds ids) {
    this(gateway, ids, true);
  }

  /**
   * @param keepsAll false for a live host: a bot runs for weeks and creates executors without end, so terminated
   *     ones are only handed to {@link #onClosed} (which stores or snapshots them) and not kept; {@link #all()} is
   *     then empty
   */
  public ExecutorSupervisor(OrderGateway gateway, ExecutorIds ids, boolean keepsAll) {
    this.gateway = gateway;
    this.ids = ids;
    this.keepsAll = keepsAll;
  }

  /** Called with each executor as it is collected as terminated (a live host snapshots it once, for reports). */
  public void onClosed(Consumer<Executor> listener) {
    this.onClosed = listener;
  }

  /**
   * Makes every executor started from now on {@link ExecutorCheckpoint#checkpointable checkpointable}: a live host
   * that stores checkpoints to resume its executors after a restart (a backtest does not pay for it).
   */
  public void keepCheckpoints() {
    this.checkpointable = true;
  }

  /**
   * Takes over an executor {@link ExecutorCheckpoint#resume resumed} after a restart: it is stepped, stopped and
   * accounted like one this supervisor started (started now only if its checkpoint was taken before its start).
   * One that had already terminated is collected at once and shown as closed at the next decision.
   *
   * @throws IllegalArgumentException when an active executor has the same id
   */
  public void adopt(Executor resumed, MarketView market) {
    for (int k = 0; k < active.size(); k++) {
      if (active.get(k).id().equals(resumed.id())) {
        throw new IllegalArgumentException("executor " + resumed.id() + " is already active");
      }
    }
    if (keepsAll) {
      all.add(resumed);
    }
    active.add(resumed);
    if (resumed.state() == ExecutorState.NOT_STARTED) {
      resumed.start(market);
    }
    collectDone();
  }

  /** Makes the executor a config describes, placing its orders through {@code gateway}. */
  public static Executor create(ExecutorConfig config, String id, OrderGateway gateway) {
    return switch (config) {
      case PositionExecutorConfig position -> new PositionExecutor(id, position, gateway);
      case OrderExecutorConfig order -> new OrderExecutor(id, order, gateway);
      case DCAExecutorConfig dca -> new DCAExecutor(id, dca, gateway);
      case GridExecutorConfig grid -> new GridExecutor(id, grid, gateway);
      case TwapExecutorConfig twap -> new TwapExecutor(id, twap, gateway);
      case ArbitrageExecutorConfig arbitrage -> new ArbitrageExecutor(id, arbitrage, gateway);
      case XEMMExecutorConfig xemm -> new XEMMExecutor(id, xemm, gateway);
    };
  }

  /** Steps every active executor at {@code market.now()}, then collects those that terminated. */
  public void stepActive(MarketView market) {
    for (int k = 0; k < active.size(); k++) {
      active.get(k).step(market);
    }
    collectDone();
  }

  /**
   * Forgets the executors the controller has just been shown as closed, applies its actions (new executors start
   * at once) and collects executors that terminated doing so (they are shown at the next decision).
   */
  public void apply(List<ExecutorAction> actions, MarketView market) {
    closed.clear();
    if (actions.isEmpty()) {
      return;
    }
    for (int i = 0, n = actions.size(); i < n; i++) {
      switch (actions.get(i)) {
        case ExecutorAction.Create create -> start(create.config(), market);
        case ExecutorAction.Stop stop -> stop(stop.executorId(), stop.keepPosition(), market);
      }
    }
    collectDone();
  }

  /** Early-stops one active executor; false when no active executor has that id. */
  public boolean stop(String executorId, boolean keepPosition, MarketView market) {
    for (int k = 0; k < active.size(); k++) {
      Executor e = active.get(k);
      if (e.id().equals(executorId)) {
        e.earlyStop(market, keepPosition);
        return true;
      }
    }
    return false;
  }

  /** Early-stops every active executor (a stopping controller or bot), then collects those that terminated. */
  public void stopAll(MarketView market, boolean keepPosition) {
    for (int k = 0; k < active.size(); k++) {
      active.get(k).earlyStop(market, keepPosition);
    }
    collectDone();
  }

  /** Collects executors that terminated outside a step (an order outcome delivered between steps). */
  public void collectDone() {
    for (int k = active.size() - 1; k >= 0; k--) {
      Executor e = active.get(k);
      if (e.isDone()) {
        active.remove(k);
        closed.add(e);
        account(e);
      }
    }
  }

  private void start(ExecutorConfig config, MarketView market) {
    created++;
    String id = config.id() != null ? config.id() : ids.next(config, created);
    Executor executor = checkpointable
        ? ExecutorCheckpoint.checkpointable(config, id, gateway) : create(config, id, gateway);
    if (keepsAll) {
      all.add(executor);
    }
    active.add(executor);
    executor.start(market);
  }

  private void account(Executor e) {
    CloseType type = e.closeType();
    if (type != null) {
      closeTypeCounts[type.ordinal()]++;
    }
    if (type == CloseType.POSITION_HOLD) {
      hold.add(e);
    } else {
      closedRealized += e.netPnlQuote();
      closedVolume += e.filledAmountQuote();
      closedFees += e.cumFeesQuote();
    }
    onClosed.accept(e);
  }

  /** The active executors, oldest first (a live view). */
  public List<Executor> active() {
    return activeView;
  }

  /** Executors that terminated since the last {@link #apply} (a live view). */
  public List<Executor> closedSinceLastDecision() {
    return closedView;
  }

  /** Every executor created, in creation order (a live view; empty unless it {@code keepsAll}). */
  public List<Executor> all() {
    return allView;
  }

  /** Net PnL of the closed executors that did not end in a position hold. */
  public double closedRealizedQuote() {
    return closedRealized;
  }

  /** {@code filled_amount_quote} summed over the closed executors that did not end in a position hold. */
  public double closedVolumeQuote() {
    return closedVolume;
  }

  /** Fees of the closed executors that did not end in a position hold. */
  public double closedFeesQuote() {
    return closedFees;
  }

  /** How many executors closed with {@code type}. */
  public int closedWith(CloseType type) {
    return closeTypeCounts[type.ordinal()];
  }

  /**
   * Books a controller's {@code initial_positions} (netted, signed) into its hold at {@code market}'s mid, as
   * Hummingbot's orchestrator does once the connectors are ready. A host calls it once, before the controller's first
   * decision, and only when the config declares initial positions.
   *
   * @return false when the market has no mid yet: nothing booked, call again at the next step (and let the
   *     controller not decide before, or it would see nothing held)
   */
  public boolean openInitialPosition(double netBase, MarketView market) {
    double mid = market.midPrice();
    if (!(mid > 0)) {
      return false;
    }
    hold.openAt(netBase, mid);
    return true;
  }

  /** The position hold of this controller's market (executors that ended in POSITION_HOLD). */
  public PositionHoldLedger hold() {
    return hold;
  }
}
