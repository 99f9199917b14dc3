package io.aviary.strategy.executor;

import io.aviary.strategy.market.MarketView;

/**
 * Hummingbot's {@code TWAPExecutor}: order {@code i} is due at {@code timestamp + i·order_interval} for
 * {@code remaining quote / remaining orders / mid} base; TAKER places it at MARKET, MAKER as a LIMIT at
 * {@code mid·(1 ∓ limit_order_buffer)}, re-placed (remaining amount, fresh price) after
 * {@code order_resubmission_time}. One order rests at a time; a due order waits for the previous one. When every
 * planned order filled → {@link CloseType#COMPLETED}. Stopped early: the resting order is cancelled,
 * POSITION_HOLD with {@code keep_position} and fills, else EARLY_STOP (fills are not unwound, as Hummingbot).
 * PnL against the mid: {@code (mid − avg)/avg · side · executed_quote − fees}; frozen at the mid of termination.
 */
public final class TwapExecutor extends AbstractExecutor {
  private final TwapExecutorConfig config;
  private final int orders;
  private final RestingOrder order = new RestingOrder();
  private final Fills executed = new Fills();
  private int ordersDone;
  private long orderPlacedAt;
  private double orderAmount;
  private double orderFilled;
  private double mid = Double.NaN;

  public TwapExecutor(String id, TwapExecutorConfig config, OrderGateway gateway) {
    super(id, config, gateway);
    this.config = config;
    this.orders = config.numberOfOrders();
  }

  @Override
  public void start(MarketView market) {
    if (begin(market)) {
      step(market);
    }
  }

  @Override
  public void step(MarketView market) {
    if (state != ExecutorState.RUNNING) {
      return;
    }
    long now = market.now();
    lastNow = now;
    mid = market.midPrice();
    if (order.isLive()) {
      resubmitIfStale(market, now);
      return;
    }
    if (ordersDone < orders && now >= config.timestamp() + (long) ordersDone * config.orderInterval()) {
      double remainingQuote = config.totalAmountQuote() - executed.quote;
      place(market, remainingQuote / (orders - ordersDone) / mid, now);
    }
  }

  private void place(MarketView market, double amount, long now) {
    boolean maker = config.mode() == TwapMode.MAKER;
    double price = maker ? market.midPrice() * (1 - sign * config.limitOrderBuffer()) : Double.NaN;
    orderAmount = amount;
    orderFilled = 0;
    orderPlacedAt = now;
    order.id = place("slice", ordersDone, request(config.side(), maker ? OrderType.LIMIT : OrderType.MARKET, amount,
        price, PositionAction.OPEN));
  }

  private void resubmitIfStale(MarketView market, long now) {
    long resubmit = config.orderResubmissionTime();
    if (config.mode() != TwapMode.MAKER || resubmit <= 0 || now - orderPlacedAt < resubmit) {
      return;
    }
    double remaining = orderAmount - orderFilled;
    cancel(order);
    if (state == ExecutorState.RUNNING && remaining > EPS) {
      place(market, remaining, now);
    }
  }

  @Override
  public void earlyStop(MarketView market, boolean keepPosition) {
    if (state == ExecutorState.TERMINATED) {
      return;
    }
    mid = market.midPrice();
    cancel(order);
    if (state != ExecutorState.TERMINATED) {
      terminate(keepPosition && executed.any() ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP, market.now());
    }
  }

  @Override
  public void onOrderFilled(OrderFill fill) {
    if (isRepeat(fill)) {
      return;
    }
    executed.add(fill);
    cumFees += fill.feeQuote();
    lastNow = Math.max(lastNow, fill.timestamp());
    if (!order.is(fill.orderId())) {
      return;
    }
    orderFilled += fill.amount();
    if (fill.completesOrder()) {
      order.id = null;
      if (++ordersDone == orders && state == ExecutorState.RUNNING) {
        terminate(CloseType.COMPLETED, fill.timestamp());
      }
    }
  }

  @Override
  public void onOrderCancelled(String id) {
    if (endedBefore(id, CheckpointOrder.Status.CANCELLED)) {
      return;
    }
    order.forget(id);
  }

  @Override
  public void onOrderFailed(String id) {
    if (endedBefore(id, CheckpointOrder.Status.FAILED)) {
      return;
    }
    order.forget(id);
  }

  @Override
  public void bookHeldFills(HeldFillSink sink) {
    executed.bookHeld(sink, sign);
  }

  @Override
  ExecutorCheckpoint.Progress progress() {
    return new ExecutorCheckpoint.TwapProgress(order.id, ordersDone, orderPlacedAt, orderAmount, orderFilled,
        executed.base, executed.quote, mid);
  }

  @Override
  void restore(ExecutorCheckpoint.Progress progress) {
    ExecutorCheckpoint.TwapProgress p = (ExecutorCheckpoint.TwapProgress) progress;
    order.id = p.orderId();
    ordersDone = p.ordersDone();
    orderPlacedAt = p.orderPlacedAt();
    orderAmount = p.orderAmount();
    orderFilled = p.orderFilled();
    executed.base = p.executedBase();
    executed.quote = p.executedQuote();
    mid = p.mid();
  }

  /** Orders of the plan filled so far. */
  public int ordersDone() {
    return ordersDone;
  }

  public double executedAmountBase() {
    return executed.base;
  }

  @Override
  public TwapExecutorConfig config() {
    return config;
  }

  @Override
  public boolean isTrading() {
    return state == ExecutorState.RUNNING && executed.any();
  }

  @Override
  public double netPnlQuote() {
    if (!executed.any() || closeType == CloseType.POSITION_HOLD) {
      return cumFunding - cumFees;
    }
    double average = executed.quote / executed.base;
    return (mid - average) / average * sign * executed.quote - cumFees + cumFunding;
  }

  @Override
  public double netPnlPct() {
    return executed.quote > EPS ? netPnlQuote() / executed.quote : 0;
  }

  @Override
  public double filledAmountQuote() {
    return executed.quote;
  }
}
