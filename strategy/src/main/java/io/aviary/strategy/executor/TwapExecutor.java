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
  private final int sign;
  private final int orders;
  private int ordersDone;
  private String orderId;
  private long orderPlacedAt;
  private double orderAmount;
  private double orderFilled;
  private double executed;
  private double executedQuote;
  private double cumFees;
  private double mid = Double.NaN;

  public TwapExecutor(String id, TwapExecutorConfig config, OrderGateway gateway) {
    super(id, gateway);
    this.config = config;
    this.sign = config.side().sign();
    this.orders = config.numberOfOrders();
  }

  @Override
  public void start(MarketView market) {
    if (state != ExecutorState.NOT_STARTED) {
      return;
    }
    state = ExecutorState.RUNNING;
    step(market);
  }

  @Override
  public void step(MarketView market) {
    if (state != ExecutorState.RUNNING) {
      return;
    }
    long now = market.now();
    lastNow = now;
    mid = market.midPrice();
    if (orderId != null) {
      resubmitIfStale(market, now);
      return;
    }
    if (ordersDone < orders && now >= config.timestamp() + (long) ordersDone * config.orderInterval()) {
      double remainingQuote = config.totalAmountQuote() - executedQuote;
      place(market, remainingQuote / (orders - ordersDone) / mid, now);
    }
  }

  private void place(MarketView market, double amount, long now) {
    boolean maker = config.mode() == TwapMode.MAKER;
    double price = maker ? market.midPrice() * (1 - sign * config.limitOrderBuffer()) : Double.NaN;
    orderAmount = amount;
    orderFilled = 0;
    orderPlacedAt = now;
    orderId = gateway.placeOrder(request(config.side(), maker ? OrderType.LIMIT : OrderType.MARKET, amount, price,
        PositionAction.OPEN), this);
  }

  private void resubmitIfStale(MarketView market, long now) {
    long resubmit = config.orderResubmissionTime();
    if (config.mode() != TwapMode.MAKER || resubmit <= 0 || now - orderPlacedAt < resubmit) {
      return;
    }
    String stale = orderId;
    double remaining = orderAmount - orderFilled;
    orderId = null;
    gateway.cancelOrder(stale);
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
    if (orderId != null) {
      String live = orderId;
      orderId = null;
      gateway.cancelOrder(live);
    }
    if (state != ExecutorState.TERMINATED) {
      terminate(keepPosition && executed > EPS ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP, market.now());
    }
  }

  @Override
  public void onOrderFilled(OrderFill fill) {
    executed += fill.amount();
    executedQuote += fill.amount() * fill.price();
    cumFees += fill.feeQuote();
    lastNow = Math.max(lastNow, fill.timestamp());
    if (!fill.orderId().equals(orderId)) {
      return;
    }
    orderFilled += fill.amount();
    if (fill.completesOrder()) {
      orderId = null;
      if (++ordersDone == orders && state == ExecutorState.RUNNING) {
        terminate(CloseType.COMPLETED, fill.timestamp());
      }
    }
  }

  @Override
  public void onOrderCancelled(String id) {
    if (id.equals(orderId)) {
      orderId = null;
    }
  }

  @Override
  public void onOrderFailed(String id) {
    if (id.equals(orderId)) {
      orderId = null;
    }
  }

  @Override
  public void bookHeldFills(HeldFillSink sink) {
    if (executed > EPS) {
      sink.book(sign, executed, executedQuote / executed);
    }
  }

  /** Orders of the plan filled so far. */
  public int ordersDone() {
    return ordersDone;
  }

  public double executedAmountBase() {
    return executed;
  }

  @Override
  public TwapExecutorConfig config() {
    return config;
  }

  @Override
  public boolean isTrading() {
    return state == ExecutorState.RUNNING && executed > EPS;
  }

  @Override
  public double netPnlQuote() {
    if (executed <= EPS || closeType == CloseType.POSITION_HOLD) {
      return -cumFees;
    }
    double average = executedQuote / executed;
    return (mid - average) / average * sign * executedQuote - cumFees;
  }

  @Override
  public double netPnlPct() {
    return executedQuote > EPS ? netPnlQuote() / executedQuote : 0;
  }

  @Override
  public double cumFeesQuote() {
    return cumFees;
  }

  @Override
  public double filledAmountQuote() {
    return executedQuote;
  }
}
