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
  private final int sign;
  private String orderId;
  private double orderPrice;
  private double executed;
  private double executedQuote;
  private double cumFees;
  private int retries;

  public OrderExecutor(String id, OrderExecutorConfig config, OrderGateway gateway) {
    super(id, gateway);
    this.config = config;
    this.sign = config.side().sign();
  }

  @Override
  public void start(MarketView market) {
    if (state != ExecutorState.NOT_STARTED) {
      return;
    }
    state = ExecutorState.RUNNING;
    lastNow = market.now();
    place(market);
  }

  private void place(MarketView market) {
    double remaining = config.amount() - executed;
    if (remaining <= EPS) {
      return;
    }
    orderPrice = targetPrice(market);
    orderId = gateway.placeOrder(request(config.side(), config.executionStrategy().orderType(), remaining,
        orderPrice, config.positionAction()), this);
  }

  private double targetPrice(MarketView market) {
    double touch = sign > 0 ? market.bestBid() : market.bestAsk();
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
    if (orderId == null) {
      place(market);
      return;
    }
    if (config.executionStrategy() == ExecutionStrategy.LIMIT_CHASER) {
      double target = targetPrice(market);
      double threshold = config.chaserConfig().refreshThreshold();
      boolean ranAway = sign > 0 ? target > orderPrice * (1 + threshold) : target < orderPrice * (1 - threshold);
      if (ranAway) {
        String stale = orderId;
        orderId = null;
        gateway.cancelOrder(stale);
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
    if (orderId != null) {
      String live = orderId;
      orderId = null;
      gateway.cancelOrder(live);
    }
    if (state != ExecutorState.TERMINATED) {
      terminate(executed > EPS ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP, market.now());
    }
  }

  @Override
  public void onOrderFilled(OrderFill fill) {
    executed += fill.amount();
    executedQuote += fill.amount() * fill.price();
    cumFees += fill.feeQuote();
    lastNow = Math.max(lastNow, fill.timestamp());
    if (fill.completesOrder() && fill.orderId().equals(orderId)) {
      orderId = null;
    }
    if (config.amount() - executed <= EPS * Math.max(1, config.amount()) && state != ExecutorState.TERMINATED) {
      terminate(CloseType.POSITION_HOLD, fill.timestamp());
    }
  }

  @Override
  public void onOrderCancelled(String id) {
    if (id.equals(orderId)) {
      orderId = null; // re-placed on the next step while running
    }
  }

  @Override
  public void onOrderFailed(String id) {
    if (id.equals(orderId)) {
      orderId = null;
      if (++retries > MAX_RETRIES && state == ExecutorState.RUNNING) {
        terminate(executed > EPS ? CloseType.POSITION_HOLD : CloseType.FAILED, lastNow);
      }
    }
  }

  @Override
  public void bookHeldFills(HeldFillSink sink) {
    if (executed > EPS) {
      sink.book(sign, executed, executedQuote / executed);
    }
  }

  public double executedAmountBase() {
    return executed;
  }

  /** Average fill price, NaN before any fill. */
  public double averageExecutedPrice() {
    return executed > EPS ? executedQuote / executed : Double.NaN;
  }

  @Override
  public OrderExecutorConfig config() {
    return config;
  }

  @Override
  public boolean isTrading() {
    return state == ExecutorState.RUNNING && executed > EPS;
  }

  @Override
  public double netPnlPct() {
    return 0;
  }

  @Override
  public double netPnlQuote() {
    return 0;
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
