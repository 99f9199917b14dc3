package io.aviary.strategy.executor;

import io.aviary.strategy.market.MarketView;

/**
 * Hummingbot's {@code PositionExecutor}: opens a position with one order, then closes it at the first barrier of the
 * triple barrier (stop loss, trailing stop, take profit, time limit) and reports Hummingbot's PnL and fee figures.
 *
 * <p>Barrier checks (every {@link #step}, once the open order is fully filled; the time limit always):
 * <ul>
 *   <li>stop loss: {@code net_pnl_pct} at the adverse extreme since the last step ({@link
 *       MarketView#lowSinceLastStep()} for a long, {@link MarketView#highSinceLastStep()} for a short; the mid
 *       price for hosts that only sample it) {@code <= -stop_loss} → MARKET close, {@code STOP_LOSS};
 *   <li>trailing stop: once {@code net_pnl_pct > activation_price} the trigger ratchets to
 *       {@code net_pnl_pct - trailing_delta}; {@code net_pnl_pct < trigger} → MARKET close, {@code TRAILING_STOP};
 *   <li>take profit: MARKET type closes when {@code net_pnl_pct >= take_profit}; a limit type places a resting close
 *       order at {@code entry·(1 ± take_profit)} and finishes {@code TAKE_PROFIT} when it fills;
 *   <li>time limit: {@code timestamp + time_limit <= now} → cancel what rests, MARKET close, {@code TIME_LIMIT}.
 * </ul>
 *
 * <p>PnL while running marks the position at the best bid (long) / best ask (short); after the close at the average
 * exit price. {@code net_pnl_pct} includes the fees paid so far (Hummingbot's live definition).
 * Not implemented (yet): activation bounds, trading-rule quantization and minimum sizes, perpetual position modes.
 */
public final class PositionExecutor implements Executor {
  private static final double EPS = 1e-12;
  private static final int MAX_RETRIES = 10;

  private final String id;
  private final PositionExecutorConfig config;
  private final OrderGateway gateway;
  private final int sign;
  private final double stopLoss;
  private final double takeProfit;
  private final long expiresAt;
  private final double trailingActivation;
  private final double trailingDelta;

  private ExecutorState state = ExecutorState.NOT_STARTED;
  private CloseType closeType;
  private long closeTimestamp;
  private int retries;
  private long lastNow;

  private String openOrderId;
  private double entryPriceConfigured;
  private double openFilled;
  private double openFilledQuote;
  private double invOpenNotional;
  private boolean openDone;

  private String takeProfitOrderId;
  private String closeOrderId;
  private double exitFilled;
  private double exitFilledQuote;
  private double cumFees;
  private double markPrice = Double.NaN;
  private double trailingTrigger = Double.NaN;

  public PositionExecutor(String id, PositionExecutorConfig config, OrderGateway gateway) {
    this.id = id;
    this.config = config;
    this.gateway = gateway;
    this.sign = config.side().sign();
    TripleBarrierConfig barriers = config.tripleBarrierConfig();
    this.stopLoss = barriers.stopLoss() == null ? Double.NaN : barriers.stopLoss();
    this.takeProfit = barriers.takeProfit() == null ? Double.NaN : barriers.takeProfit();
    this.expiresAt = barriers.timeLimit() == null ? Long.MAX_VALUE : config.timestamp() + barriers.timeLimit();
    TrailingStop trailing = barriers.trailingStop();
    this.trailingActivation = trailing == null ? Double.NaN : trailing.activationPrice();
    this.trailingDelta = trailing == null ? Double.NaN : trailing.trailingDelta();
  }

  @Override
  public void start(MarketView market) {
    if (state != ExecutorState.NOT_STARTED) {
      return;
    }
    state = ExecutorState.RUNNING;
    lastNow = market.now();
    markPrice = exitSidePrice(market);
    if (expiresAt <= market.now()) {
      terminate(CloseType.EXPIRED, market.now());
      return;
    }
    OrderType type = config.tripleBarrierConfig().openOrderType();
    entryPriceConfigured = openPrice(market, type);
    openOrderId = gateway.placeOrder(new OrderRequest(config.connectorName(), config.tradingPair(), config.side(),
        type, config.amount(), entryPriceConfigured, PositionAction.OPEN), this);
  }

  private double openPrice(MarketView market, OrderType type) {
    double entry = config.entryPrice();
    double touch = config.side() == TradeType.BUY ? market.bestBid() : market.bestAsk();
    if (Double.isNaN(entry)) {
      return touch;
    }
    if (type == OrderType.LIMIT_MAKER) {
      return config.side() == TradeType.BUY ? Math.min(entry, touch) : Math.max(entry, touch);
    }
    return entry;
  }

  @Override
  public void step(MarketView market) {
    if (state == ExecutorState.TERMINATED || state == ExecutorState.NOT_STARTED) {
      return;
    }
    long now = market.now();
    lastNow = now;
    markPrice = exitSidePrice(market);
    if (state == ExecutorState.SHUTTING_DOWN) {
      closeRemaining(now);
      return;
    }
    if (expiresAt <= now) {
      beginClose(CloseType.TIME_LIMIT, now);
      return;
    }
    if (!openDone || openFilled <= EPS) {
      return;
    }
    if (!Double.isNaN(stopLoss)) {
      double adverse = sign > 0 ? market.lowSinceLastStep() : market.highSinceLastStep();
      if (netPnlPctAt(adverse) <= -stopLoss) {
        beginClose(CloseType.STOP_LOSS, now);
        return;
      }
    }
    double pnlPct = netPnlPctAt(markPrice);
    if (!Double.isNaN(trailingDelta) && trailingStopHit(pnlPct)) {
      beginClose(CloseType.TRAILING_STOP, now);
      return;
    }
    if (!Double.isNaN(takeProfit)) {
      checkTakeProfit(pnlPct, now);
    }
  }

  private boolean trailingStopHit(double pnlPct) {
    if (Double.isNaN(trailingTrigger)) {
      if (pnlPct > trailingActivation) {
        trailingTrigger = pnlPct - trailingDelta;
      }
      return false;
    }
    if (pnlPct - trailingDelta > trailingTrigger) {
      trailingTrigger = pnlPct - trailingDelta;
    }
    return pnlPct < trailingTrigger;
  }

  private void checkTakeProfit(double pnlPct, long now) {
    OrderType type = config.tripleBarrierConfig().takeProfitOrderType();
    if (type == OrderType.MARKET) {
      if (pnlPct >= takeProfit) {
        beginClose(CloseType.TAKE_PROFIT, now);
      }
    } else if (takeProfitOrderId == null && exitFilled <= EPS) {
      double price = entryPrice() * (1 + sign * takeProfit);
      if (type == OrderType.LIMIT_MAKER) {
        price = sign > 0 ? Math.max(price, markPrice) : Math.min(price, markPrice);
      }
      takeProfitOrderId = gateway.placeOrder(new OrderRequest(config.connectorName(), config.tradingPair(),
          config.side().opposite(), type, openFilled, price, PositionAction.CLOSE), this);
    }
  }

  @Override
  public void earlyStop(MarketView market, boolean keepPosition) {
    if (state == ExecutorState.TERMINATED || state == ExecutorState.SHUTTING_DOWN) {
      // already closing for a barrier: that close type stands
      return;
    }
    if (state == ExecutorState.NOT_STARTED) {
      terminate(CloseType.EARLY_STOP, market.now());
      return;
    }
    if (keepPosition && openFilled > EPS) {
      cancelResting();
      terminate(CloseType.POSITION_HOLD, market.now());
      return;
    }
    markPrice = exitSidePrice(market);
    beginClose(CloseType.EARLY_STOP, market.now());
  }

  private void beginClose(CloseType type, long now) {
    closeType = type;
    state = ExecutorState.SHUTTING_DOWN;
    cancelResting();
    closeRemaining(now);
  }

  private void cancelResting() {
    if (openOrderId != null) {
      gateway.cancelOrder(openOrderId);
    }
    if (takeProfitOrderId != null) {
      gateway.cancelOrder(takeProfitOrderId);
    }
  }

  /** Sends a MARKET close for whatever is open and not being closed; finishes when nothing is left. */
  private void closeRemaining(long now) {
    double remaining = openFilled - exitFilled;
    if (closeOrderId == null && takeProfitOrderId == null && remaining > EPS) {
      closeOrderId = gateway.placeOrder(new OrderRequest(config.connectorName(), config.tradingPair(),
          config.side().opposite(), OrderType.MARKET, remaining, Double.NaN, PositionAction.CLOSE), this);
    } else {
      finishIfFlat(now);
    }
  }

  private void finishIfFlat(long now) {
    if (state == ExecutorState.SHUTTING_DOWN && openOrderId == null && closeOrderId == null
        && takeProfitOrderId == null && openFilled - exitFilled <= EPS) {
      terminate(closeType, now);
    }
  }

  private void terminate(CloseType type, long now) {
    closeType = type;
    closeTimestamp = now;
    state = ExecutorState.TERMINATED;
  }

  @Override
  public void onOrderFilled(OrderFill fill) {
    String orderId = fill.orderId();
    cumFees += fill.feeQuote();
    if (orderId.equals(openOrderId)) {
      openFilled += fill.amount();
      openFilledQuote += fill.amount() * fill.price();
      invOpenNotional = 1 / openFilledQuote;
      if (fill.completesOrder()) {
        openOrderId = null;
        openDone = true;
      }
    } else {
      exitFilled += fill.amount();
      exitFilledQuote += fill.amount() * fill.price();
      if (fill.completesOrder()) {
        if (orderId.equals(takeProfitOrderId)) {
          takeProfitOrderId = null;
          if (state == ExecutorState.RUNNING) {
            closeType = CloseType.TAKE_PROFIT;
            state = ExecutorState.SHUTTING_DOWN;
          }
        } else if (orderId.equals(closeOrderId)) {
          closeOrderId = null;
        }
      }
    }
    lastNow = Math.max(lastNow, fill.timestamp());
    finishIfFlat(fill.timestamp());
  }

  @Override
  public void onOrderCancelled(String orderId) {
    if (orderId.equals(openOrderId)) {
      openOrderId = null;
      openDone = true;
    } else if (orderId.equals(takeProfitOrderId)) {
      takeProfitOrderId = null;
    } else if (orderId.equals(closeOrderId)) {
      closeOrderId = null;
    }
  }

  @Override
  public void onOrderFailed(String orderId) {
    if (orderId.equals(openOrderId)) {
      openOrderId = null;
      openDone = true;
      if (openFilled <= EPS && state == ExecutorState.RUNNING) {
        terminate(CloseType.FAILED, lastNow);
      }
    } else if (orderId.equals(takeProfitOrderId)) {
      takeProfitOrderId = null;
    } else if (orderId.equals(closeOrderId)) {
      closeOrderId = null;
      if (++retries > MAX_RETRIES) {
        terminate(CloseType.FAILED, lastNow);
      }
    }
  }

  private double exitSidePrice(MarketView market) {
    return sign > 0 ? market.bestBid() : market.bestAsk();
  }

  /** Open average fill price, or the configured entry before any fill. */
  public double entryPrice() {
    return openFilled > EPS ? openFilledQuote / openFilled : entryPriceConfigured;
  }

  /** Average exit price once fully closed, else the current mark (best bid for a long, best ask for a short). */
  public double closePrice() {
    return exitFilled > EPS && openFilled - exitFilled <= EPS ? exitFilledQuote / exitFilled : markPrice;
  }

  @Override
  public void bookHeldFills(HeldFillSink sink) {
    sink.book(sign, openFilled, entryPrice());
    if (exitFilled > EPS) {
      sink.book(-sign, exitFilled, exitAveragePrice());
    }
  }

  public double openFilledAmount() {
    return openFilled;
  }

  /** Base amount filled by closing orders (close and take-profit). */
  public double exitFilledAmount() {
    return exitFilled;
  }

  /** Average price of the closing fills, NaN before any. */
  public double exitAveragePrice() {
    return exitFilled > EPS ? exitFilledQuote / exitFilled : Double.NaN;
  }

  /**
   * Net PnL fraction if the open amount were closed at {@code exitPrice}: ((exit − entry)·side·amount − fees) /
   * (amount·entry), with entry·amount = the open order's filled quote (no division on the hot path).
   */
  private double netPnlPctAt(double exitPrice) {
    return ((exitPrice * openFilled - openFilledQuote) * sign - cumFees) * invOpenNotional;
  }

  private double tradePnlQuote() {
    if (openFilled <= EPS || closeType == CloseType.FAILED || closeType == CloseType.POSITION_HOLD) {
      return 0;
    }
    double entry = entryPrice();
    return (closePrice() - entry) / entry * sign * openFilled * entry;
  }

  @Override
  public double netPnlQuote() {
    return tradePnlQuote() - cumFees;
  }

  @Override
  public double netPnlPct() {
    double notional = openFilled * entryPrice();
    return notional > 0 ? netPnlQuote() / notional : 0;
  }

  @Override
  public double cumFeesQuote() {
    return cumFees;
  }

  @Override
  public double filledAmountQuote() {
    if (closeType == CloseType.POSITION_HOLD) {
      return 0;
    }
    return openFilledQuote + exitFilledQuote;
  }

  @Override
  public boolean isTrading() {
    return state == ExecutorState.RUNNING && openFilled > EPS;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public PositionExecutorConfig config() {
    return config;
  }

  @Override
  public ExecutorState state() {
    return state;
  }

  @Override
  public CloseType closeType() {
    return closeType;
  }

  @Override
  public long closeTimestamp() {
    return closeTimestamp;
  }

  @Override
  public String toString() {
    return "PositionExecutor[" + id + " " + config.side() + " " + state
        + (closeType == null ? "" : " " + closeType) + " net=" + netPnlQuote() + "]";
  }
}
