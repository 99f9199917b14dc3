package io.aviary.strategy.executor;

import io.aviary.strategy.market.MarketView;
import io.aviary.strategy.market.TradingRules;

/**
 * State, close type, identity, fees and the lifecycle steps every executor shares; the executors add their own
 * order plan and PnL. Helpers here are final and allocation-free (they run on every backtest step).
 */
abstract class AbstractExecutor implements Executor {
  static final double EPS = 1e-12;
  static final int MAX_RETRIES = 10;

  private final String id;
  final OrderGateway gateway;
  /** +1 for a BUY executor, −1 for a SELL one, 0 without a side (arbitrage). */
  final int sign;
  ExecutorState state = ExecutorState.NOT_STARTED;
  CloseType closeType;
  long closeTimestamp;
  long lastNow;
  double cumFees;
  /** Funding booked by the host (perpetuals); every executor's net PnL adds it. */
  double cumFunding;
  /** The market's trading rules, taken at start and at every step (a restored executor gets them at its first step). */
  TradingRules rules = TradingRules.NONE;
  private int retries;
  /** The orders placed and their fills; null unless the executor is checkpointed (backtests never pay for it). */
  private OrderJournal journal;

  AbstractExecutor(String id, ExecutorConfig config, OrderGateway gateway) {
    this.id = id;
    this.gateway = gateway;
    this.sign = config.side() == null ? 0 : config.side().sign();
  }

  /** A configured optional fraction, NaN when absent. */
  static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  /** When a time limit from {@code timestamp} runs out; never without a limit. */
  static long expiry(long timestamp, Long timeLimit) {
    return timeLimit == null ? Long.MAX_VALUE : timestamp + timeLimit;
  }

  /** NOT_STARTED → RUNNING at the market's time; false (nothing done) when it already started. */
  final boolean begin(MarketView market) {
    if (state != ExecutorState.NOT_STARTED) {
      return false;
    }
    state = ExecutorState.RUNNING;
    lastNow = market.now();
    rules = market.tradingRules();
    return true;
  }

  /** Running or shutting down: the states a step acts in. */
  final boolean isStepping() {
    return state == ExecutorState.RUNNING || state == ExecutorState.SHUTTING_DOWN;
  }

  /**
   * The part of an early stop that needs no orders: already closing (that close type stands) or terminated → nothing;
   * not started → EARLY_STOP. True when it handled the stop.
   */
  final boolean earlyStopWithoutOrders(MarketView market) {
    if (state == ExecutorState.TERMINATED || state == ExecutorState.SHUTTING_DOWN) {
      return true;
    }
    if (state == ExecutorState.NOT_STARTED) {
      terminate(CloseType.EARLY_STOP, market.now());
      return true;
    }
    return false;
  }

  final void shutDown(CloseType type) {
    closeType = type;
    state = ExecutorState.SHUTTING_DOWN;
  }

  final void terminate(CloseType type, long now) {
    closeType = type;
    closeTimestamp = now;
    state = ExecutorState.TERMINATED;
  }

  /** Counts one more failed order; true once more than {@link #MAX_RETRIES} failed. */
  final boolean retriesExhausted() {
    return ++retries > MAX_RETRIES;
  }

  /** A closing MARKET order failed: it is sent again on the next step, up to {@link #MAX_RETRIES} times. */
  final void closeOrderFailed() {
    if (retriesExhausted()) {
      terminate(CloseType.FAILED, lastNow);
    }
  }

  /** Best bid for a BUY executor, best ask for a SELL one: where its position marks and its maker orders rest. */
  final double ownSideTouch(MarketView market) {
    return sign > 0 ? market.bestBid() : market.bestAsk();
  }

  /** The adverse extreme since the last step: the low for a long, the high for a short. */
  final double adverseExtreme(MarketView market) {
    return sign > 0 ? market.lowSinceLastStep() : market.highSinceLastStep();
  }

  /** Places {@code request} with this executor as its listener, noting it under {@code role} if journaled. */
  final String place(String role, int level, OrderRequest request) {
    String orderId = gateway.placeOrder(request, this);
    if (journal != null) {
      journal.placed(orderId, role, level, request);
    }
    return orderId;
  }

  /** Asks the venue to cancel {@code orderId} (noted first: the confirmation may arrive before this returns). */
  final void cancel(String orderId) {
    if (journal != null) {
      journal.cancelRequested(orderId);
    }
    gateway.cancelOrder(orderId);
  }

  /** Cancels the resting order, if any; forgotten before the gateway call so a synchronous callback finds none. */
  final void cancel(RestingOrder order) {
    String live = order.id;
    if (live != null) {
      order.id = null;
      cancel(live);
    }
  }

  /**
   * True when a journaled executor has counted {@code fill} already (same trade id) or its order had ended: the
   * fill must then be ignored. Without a journal every fill is new (the backtester delivers each once).
   */
  final boolean isRepeat(OrderFill fill) {
    return journal != null && !journal.accept(fill);
  }

  /** True when a journaled executor already knows {@code orderId} ended (the outcome must then be ignored). */
  final boolean endedBefore(String orderId, CheckpointOrder.Status status) {
    return journal != null && !journal.ended(orderId, status);
  }

  final void keepJournal() {
    if (journal == null) {
      journal = new OrderJournal();
    }
  }

  final ExecutorCheckpoint checkpoint() {
    if (journal == null) {
      throw new IllegalStateException("executor " + id + " was not created checkpointable");
    }
    return new ExecutorCheckpoint(ExecutorCheckpoint.VERSION, id, config(), state, closeType, closeTimestamp, lastNow,
        cumFees, cumFunding, retries, journal.snapshot(), progress());
  }

  /** Takes over a checkpoint's state (the executor was just built from the same config, nothing placed). */
  final void restore(ExecutorCheckpoint checkpoint) {
    if (state != ExecutorState.NOT_STARTED) {
      throw new IllegalStateException("only a fresh executor can be restored");
    }
    state = checkpoint.state();
    closeType = checkpoint.closeType();
    closeTimestamp = checkpoint.closeTimestamp();
    lastNow = checkpoint.lastNow();
    cumFees = checkpoint.cumFeesQuote();
    cumFunding = checkpoint.cumFundingQuote();
    retries = checkpoint.retries();
    journal = OrderJournal.restore(checkpoint.orders(), config());
    restore(checkpoint.progress());
  }

  /** The orders of the checkpoint being restored (for {@link #restore(ExecutorCheckpoint.Progress)}); else empty. */
  final java.util.List<CheckpointOrder> restoredOrders() {
    return journal == null ? java.util.List.of() : journal.snapshot();
  }

  /** The type's own progress for a checkpoint. */
  abstract ExecutorCheckpoint.Progress progress();

  /** Takes over the type's own progress (a checkpoint of the same type). */
  abstract void restore(ExecutorCheckpoint.Progress progress);

  final OrderRequest request(TradeType side, OrderType type, double amount, double price, PositionAction action) {
    ExecutorConfig c = config();
    return new OrderRequest(c.connectorName(), c.tradingPair(), side, type, amount, price, action);
  }

  /** An order on {@code market} (executors that span two markets). */
  static OrderRequest request(ConnectorPair market, TradeType side, OrderType type, double amount, double price) {
    return new OrderRequest(market.connectorName(), market.tradingPair(), side, type, amount, price,
        PositionAction.OPEN);
  }

  /** The view of {@code market} at this moment (a host of two-market executors serves both). */
  static MarketView view(MarketView market, ConnectorPair of) {
    return market.market(of.connectorName(), of.tradingPair());
  }

  @Override
  public double cumFeesQuote() {
    return cumFees;
  }

  @Override
  public final void bookFunding(double quote) {
    cumFunding += quote;
  }

  @Override
  public final double cumFundingQuote() {
    return cumFunding;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final ExecutorState state() {
    return state;
  }

  @Override
  public final CloseType closeType() {
    return closeType;
  }

  @Override
  public final long closeTimestamp() {
    return closeTimestamp;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + id + " " + config().side() + " " + state
        + (closeType == null ? "" : " " + closeType) + " net=" + netPnlQuote() + "]";
  }
}
