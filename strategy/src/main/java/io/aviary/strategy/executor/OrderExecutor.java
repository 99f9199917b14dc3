package io.aviary.strategy.executor;

import io.aviary.strategy.market.MarketView;

/**
 * Hummingbot's {@code OrderExecutor}: places one order per its {@link ExecutionStrategy} and ends in
 * {@link CloseType#POSITION_HOLD} once it is fully filled (its fills become a position hold). MARKET: a market
 * order; LIMIT: a limit at {@code price}; LIMIT_MAKER: at {@code min(price, best bid)} (BUY) / {@code max(price,
 * best ask)} (SELL); LIMIT_CHASER: a LIMIT_MAKER {@code distance} behind the touch, cancelled and re-placed for the
 * remaining amount when the touch runs more than {@code refresh_threshold} away. Stopped early: what filled is held
 * ({@code POSITION_HOLD}), nothing filled is {@code EARLY_STOP}. PnL is always 0 (the hold carries it); fees count.
 */
public final class OrderExecutor extends AbstractExecutor {
  private final OrderExecutorConfig config;
  private final RestingOrder order = new RestingOrder();
  private final Fills executed = new Fills();
  private double orderPrice;

  public OrderExecutor(String id, OrderExecutorConfig config, OrderGateway gateway) {
    super(id, config, gateway);
    this.config = config;
  }

  @Override
  public void start(MarketView market) {
    if (begin(market)) {
      place(market);
    }
  }

  private void place(MarketView market) {
    double remaining = config.amount() - executed.base;
    if (remaining <= EPS) {
      return;
    }
    orderPrice = targetPrice(market);
    order.id = place("order", -1, request(config.side(), config.executionStrategy().orderType(), remaining,
        orderPrice, config.positionAction()));
  }

  private double targetPrice(MarketView market) {
    double touch = ownSideTouch(market);
    return switch (config.executionStrategy()) {
      case MARKET -> Double.NaN;
      case LIMIT -> config.price();
      case LIMIT_MAKER -> sign > 0 ? Math.min(config.price(), touch) : Math.max(config.price(), touch);
      case LIMIT_CHASER -> touch * (1 - sign * config.chaserConfig().distance());
    };
  }

  @Override
  public void step(MarketView market) {
    if (state != ExecutorState.RUNNING) {
      return;
    }
    lastNow = market.now();
    if (!order.isLive()) {
      place(market);
      return;
    }
    if (config.executionStrategy() == ExecutionStrategy.LIMIT_CHASER) {
      double target = targetPrice(market);
      double threshold = config.chaserConfig().refreshThreshold();
      boolean ranAway = sign > 0 ? target > orderPrice * (1 + threshold) : target < orderPrice * (1 - threshold);
      if (ranAway) {
        cancel(order);
        if (state == ExecutorState.RUNNING) {
          place(market);
        }
      }
    }
  }

  @Override
  public void earlyStop(MarketView market, boolean keepPosition) {
    if (state == ExecutorState.TERMINATED) {
      return;
    }
    cancel(order);
    if (state != ExecutorState.TERMINATED) {
      terminate(executed.any() ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP, market.now());
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
    if (fill.completesOrder() && order.is(fill.orderId())) {
      order.id = null;
    }
    if (config.amount() - executed.base <= EPS * Math.max(1, config.amount()) && state != ExecutorState.TERMINATED) {
      terminate(CloseType.POSITION_HOLD, fill.timestamp());
    }
  }

  @Override
  public void onOrderCancelled(String id) {
    if (endedBefore(id, CheckpointOrder.Status.CANCELLED)) {
      return;
    }
    order.forget(id); // re-placed on the next step while running
  }

  @Override
  public void onOrderFailed(String id) {
    if (endedBefore(id, CheckpointOrder.Status.FAILED)) {
      return;
    }
    if (order.is(id)) {
      order.id = null;
      if (retriesExhausted() && state == ExecutorState.RUNNING) {
        terminate(executed.any() ? CloseType.POSITION_HOLD : CloseType.FAILED, lastNow);
      }
    }
  }

  @Override
  public void bookHeldFills(HeldFillSink sink) {
    executed.bookHeld(sink, sign);
  }

  @Override
  ExecutorCheckpoint.Progress progress() {
    return new ExecutorCheckpoint.OrderProgress(order.id, orderPrice, executed.base, executed.quote);
  }

  @Override
  void restore(ExecutorCheckpoint.Progress progress) {
    ExecutorCheckpoint.OrderProgress p = (ExecutorCheckpoint.OrderProgress) progress;
    order.id = p.orderId();
    orderPrice = p.orderPrice();
    executed.base = p.executedBase();
    executed.quote = p.executedQuote();
  }

  public double executedAmountBase() {
    return executed.base;
  }

  /** Average fill price, NaN before any fill. */
  public double averageExecutedPrice() {
    return executed.averageOrNaN();
  }

  @Override
  public OrderExecutorConfig config() {
    return config;
  }

  @Override
  public boolean isTrading() {
    return state == ExecutorState.RUNNING && executed.any();
  }

  @Override
  public double netPnlPct() {
    return 0;
  }

  @Override
  public double netPnlQuote() {
    return cumFunding;
  }

  @Override
  public double filledAmountQuote() {
    return executed.quote;
  }
}
