package io.aviary.strategy.executor;

import io.aviary.strategy.market.MarketView;
import java.util.List;

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
 * <p>Activation bounds ({@code activation_bounds}, fractions {@code b}; none → the open order is placed at once):
 * the open order rests only while the mid is within them: limit types BUY {@code entry >= mid·(1 − b0)}, SELL
 * {@code entry <= mid·(1 + b0)}; MARKET BUY {@code entry·(1 − b0) <= mid <= entry·(1 + b1)} (SELL
 * {@code entry·(1 − b1) <= mid <= entry·(1 + b0)}); {@code b1 = b0} when one bound is given. Checked at start and on
 * every step while the open order is not done: outside, nothing is placed and an unfilled (or partly filled) open
 * order is cancelled; back inside, it is placed again for the amount not filled yet (Hummingbot re-places the
 * whole amount and forgets the partial fill). Hummingbot also applies the bounds to a limit take-profit order;
 * that is not done here.
 *
 * <p>PnL while running marks the position at the best bid (long) / best ask (short); after the close at the average
 * exit price. {@code net_pnl_pct} includes the fees paid so far (Hummingbot's live definition).
 *
 * <p>Trading rules ({@link MarketView#tradingRules()}), as Hummingbot: the barriers other than the time limit are
 * evaluated only once the open fill, rounded to the amount step, reaches the minimum order size and its notional the
 * minimum notional; the close is sent only for a remainder of at least the minimum order size (a smaller one is
 * dust: the executor finishes without it). Rounding the orders themselves is the gateway's (venue's) job.
 * Not implemented (yet): perpetual position modes.
 */
public final class PositionExecutor extends ClosingExecutor {
  private final PositionExecutorConfig config;
  private final double stopLoss;
  private final double takeProfit;
  private final TrailingTrigger trailing;
  private final double boundLow;
  private final double boundHigh;

  private String openOrderId;
  private double entryPriceConfigured;
  private final Fills open = new Fills();
  private double invOpenNotional;
  private boolean openDone;
  /** The open order is being cancelled because the mid left the activation bounds (it may be placed again). */
  private boolean openWithdrawn;

  private String takeProfitOrderId;
  private String closeOrderId;
  private final Fills exit = new Fills();
  private double markPrice = Double.NaN;

  public PositionExecutor(String id, PositionExecutorConfig config, OrderGateway gateway) {
    super(id, config, gateway, expiry(config.timestamp(), config.tripleBarrierConfig().timeLimit()));
    this.config = config;
    TripleBarrierConfig barriers = config.tripleBarrierConfig();
    this.stopLoss = orNaN(barriers.stopLoss());
    this.takeProfit = orNaN(barriers.takeProfit());
    this.trailing = TrailingTrigger.of(barriers.trailingStop());
    List<Double> bounds = config.activationBounds();
    this.boundLow = bounds == null ? Double.NaN : bounds.get(0);
    this.boundHigh = bounds == null || bounds.size() < 2 ? boundLow : bounds.get(1);
  }

  @Override
  public void start(MarketView market) {
    if (!begin(market)) {
      return;
    }
    mark(market);
    if (expiredAtStart(market.now())) {
      return;
    }
    entryPriceConfigured = openPrice(market, config.tripleBarrierConfig().openOrderType());
    if (withinActivationBounds(market)) {
      placeOpen(market);
    }
  }

  /** Places the open order for what is not filled yet, at the entry price as it is now (LIMIT_MAKER moves). */
  private void placeOpen(MarketView market) {
    OrderType type = config.tripleBarrierConfig().openOrderType();
    entryPriceConfigured = openPrice(market, type);
    openOrderId = place("open", -1, request(config.side(), type, config.amount() - open.base, entryPriceConfigured,
        PositionAction.OPEN));
  }

  /**
   * With activation bounds, while the open order is not done: places it when the mid comes within them, cancels
   * it when the mid leaves them.
   */
  private void controlOpenOrder(MarketView market) {
    if (Double.isNaN(boundLow) || openDone || openWithdrawn) {
      return;
    }
    boolean within = withinActivationBounds(market);
    if (openOrderId == null && within) {
      placeOpen(market);
    } else if (openOrderId != null && !within) {
      openWithdrawn = true;
      cancel(openOrderId);
    }
  }

  /** Hummingbot's {@code _is_within_activation_bounds} for the open order; true without bounds. */
  private boolean withinActivationBounds(MarketView market) {
    if (Double.isNaN(boundLow)) {
      return true;
    }
    double entry = Double.isNaN(config.entryPrice()) ? entryPriceConfigured : config.entryPrice();
    double mid = market.midPrice();
    if (config.tripleBarrierConfig().openOrderType() != OrderType.MARKET) {
      return sign > 0 ? entry >= mid * (1 - boundLow) : entry <= mid * (1 + boundLow);
    }
    return sign > 0 ? entry * (1 - boundLow) <= mid && mid <= entry * (1 + boundHigh)
        : entry * (1 - boundHigh) <= mid && mid <= entry * (1 + boundLow);
  }

  private double openPrice(MarketView market, OrderType type) {
    double entry = config.entryPrice();
    double touch = ownSideTouch(market);
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
    if (!stepToBarriers(market)) {
      return;
    }
    long now = lastNow;
    controlOpenOrder(market);
    if (!openDone || open.base <= EPS || !openAboveMinimum()) {
      return;
    }
    if (!Double.isNaN(stopLoss)) {
      if (netPnlPctAt(adverseExtreme(market)) <= -stopLoss) {
        beginClose(CloseType.STOP_LOSS, now);
        return;
      }
    }
    double pnlPct = netPnlPctAt(markPrice);
    if (trailing != null && trailing.hit(pnlPct)) {
      beginClose(CloseType.TRAILING_STOP, now);
      return;
    }
    if (!Double.isNaN(takeProfit)) {
      checkTakeProfit(pnlPct, now);
    }
  }

  /**
   * Hummingbot evaluates the barriers only on a position the venue lets it trade: the open fill, rounded to the
   * amount step, at least the minimum order size, its notional at least the minimum notional.
   */
  private boolean openAboveMinimum() {
    double amount = rules.quantizeAmount(open.base);
    return rules.meetsMinimumSize(amount) && rules.meetsMinimumNotional(amount, open.quote / open.base);
  }

  private void checkTakeProfit(double pnlPct, long now) {
    OrderType type = config.tripleBarrierConfig().takeProfitOrderType();
    if (type == OrderType.MARKET) {
      if (pnlPct >= takeProfit) {
        beginClose(CloseType.TAKE_PROFIT, now);
      }
    } else if (takeProfitOrderId == null && exit.base <= EPS) {
      double price = entryPrice() * (1 + sign * takeProfit);
      if (type == OrderType.LIMIT_MAKER) {
        price = sign > 0 ? Math.max(price, markPrice) : Math.min(price, markPrice);
      }
      takeProfitOrderId = place("take_profit", -1, request(config.side().opposite(), type, open.base, price,
          PositionAction.CLOSE));
    }
  }

  @Override
  public void earlyStop(MarketView market, boolean keepPosition) {
    if (earlyStopWithoutOrders(market)) {
      return;
    }
    if (keepPosition && open.base > EPS) {
      holdPosition(market.now());
      return;
    }
    mark(market);
    beginClose(CloseType.EARLY_STOP, market.now());
  }

  @Override
  void mark(MarketView market) {
    markPrice = ownSideTouch(market);
  }

  @Override
  void cancelResting() {
    if (openOrderId != null && !openWithdrawn) {
      cancel(openOrderId);
    }
    if (takeProfitOrderId != null) {
      cancel(takeProfitOrderId);
    }
  }

  @Override
  void closeRemaining(long now) {
    double remaining = open.base - exit.base;
    if (closeOrderId == null && takeProfitOrderId == null && closable(remaining)) {
      closeOrderId = place("close", -1, request(config.side().opposite(), OrderType.MARKET, remaining, Double.NaN,
          PositionAction.CLOSE));
    } else {
      finishIfFlat(now);
    }
  }

  private void finishIfFlat(long now) {
    if (state == ExecutorState.SHUTTING_DOWN && openOrderId == null && closeOrderId == null
        && takeProfitOrderId == null && !closable(open.base - exit.base)) {
      terminate(closeType, now);
    }
  }

  @Override
  public void onOrderFilled(OrderFill fill) {
    if (isRepeat(fill)) {
      return;
    }
    String orderId = fill.orderId();
    cumFees += fill.feeQuote();
    if (orderId.equals(openOrderId)) {
      open.add(fill);
      invOpenNotional = 1 / open.quote;
      if (fill.completesOrder()) {
        openOrderId = null;
        openDone = true;
        openWithdrawn = false;
      }
    } else {
      exit.add(fill);
      if (fill.completesOrder()) {
        if (orderId.equals(takeProfitOrderId)) {
          takeProfitOrderId = null;
          if (state == ExecutorState.RUNNING) {
            shutDown(CloseType.TAKE_PROFIT);
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
    if (endedBefore(orderId, CheckpointOrder.Status.CANCELLED)) {
      return;
    }
    if (orderId.equals(openOrderId)) {
      openOrderId = null;
      // withdrawn for the activation bounds: placed again when the mid comes back (unless it is closing by then)
      openDone = !openWithdrawn || state != ExecutorState.RUNNING;
      openWithdrawn = false;
    } else if (orderId.equals(takeProfitOrderId)) {
      takeProfitOrderId = null;
    } else if (orderId.equals(closeOrderId)) {
      closeOrderId = null;
    }
  }

  @Override
  public void onOrderFailed(String orderId) {
    if (endedBefore(orderId, CheckpointOrder.Status.FAILED)) {
      return;
    }
    if (orderId.equals(openOrderId)) {
      openOrderId = null;
      openDone = true;
      openWithdrawn = false;
      if (open.base <= EPS && state == ExecutorState.RUNNING) {
        terminate(CloseType.FAILED, lastNow);
      }
    } else if (orderId.equals(takeProfitOrderId)) {
      takeProfitOrderId = null;
    } else if (orderId.equals(closeOrderId)) {
      closeOrderId = null;
      closeOrderFailed();
    }
  }

  @Override
  ExecutorCheckpoint.Progress progress() {
    return new ExecutorCheckpoint.PositionProgress(openOrderId, entryPriceConfigured, open.base, open.quote, openDone,
        takeProfitOrderId, closeOrderId, exit.base, exit.quote, markPrice, TrailingTrigger.triggerOf(trailing));
  }

  @Override
  void restore(ExecutorCheckpoint.Progress progress) {
    ExecutorCheckpoint.PositionProgress p = (ExecutorCheckpoint.PositionProgress) progress;
    openOrderId = p.openOrderId();
    entryPriceConfigured = p.entryPriceConfigured();
    open.base = p.openBase();
    open.quote = p.openQuote();
    invOpenNotional = open.quote != 0 ? 1 / open.quote : 0;
    openDone = p.openDone();
    // a cancel asked for while running and not yet confirmed can only be an activation-bounds withdrawal
    openWithdrawn = state == ExecutorState.RUNNING && openOrderId != null && restoredOrders().stream()
        .anyMatch(o -> o.clientOrderId().equals(openOrderId) && o.cancelRequested()
            && o.status() == CheckpointOrder.Status.OPEN);
    takeProfitOrderId = p.takeProfitOrderId();
    closeOrderId = p.closeOrderId();
    exit.base = p.exitBase();
    exit.quote = p.exitQuote();
    markPrice = p.markPrice();
    TrailingTrigger.restore(trailing, p.trailingTrigger());
  }

  /** Open average fill price, or the configured entry before any fill. */
  public double entryPrice() {
    return open.base > EPS ? open.quote / open.base : entryPriceConfigured;
  }

  /** Average exit price once fully closed, else the current mark (best bid for a long, best ask for a short). */
  public double closePrice() {
    return exit.base > EPS && open.base - exit.base <= EPS ? exit.quote / exit.base : markPrice;
  }

  @Override
  public void bookHeldFills(HeldFillSink sink) {
    sink.book(sign, open.base, entryPrice());
    if (exit.base > EPS) {
      sink.book(-sign, exit.base, exitAveragePrice());
    }
  }

  public double openFilledAmount() {
    return open.base;
  }

  /** Base amount filled by closing orders (close and take-profit). */
  public double exitFilledAmount() {
    return exit.base;
  }

  /** Average price of the closing fills, NaN before any. */
  public double exitAveragePrice() {
    return exit.averageOrNaN();
  }

  /**
   * Net PnL fraction if the open amount were closed at {@code exitPrice}: ((exit − entry)·side·amount − fees) /
   * (amount·entry), with entry·amount = the open order's filled quote (no division on the hot path).
   */
  private double netPnlPctAt(double exitPrice) {
    return ((exitPrice * open.base - open.quote) * sign - cumFees) * invOpenNotional;
  }

  private double tradePnlQuote() {
    if (open.base <= EPS || closeType == CloseType.FAILED || closeType == CloseType.POSITION_HOLD) {
      return 0;
    }
    double entry = entryPrice();
    return (closePrice() - entry) / entry * sign * open.base * entry;
  }

  @Override
  public double netPnlQuote() {
    return tradePnlQuote() - cumFees + cumFunding;
  }

  @Override
  public double netPnlPct() {
    double notional = open.base * entryPrice();
    return notional > 0 ? netPnlQuote() / notional : 0;
  }

  @Override
  public double filledAmountQuote() {
    if (closeType == CloseType.POSITION_HOLD) {
      return 0;
    }
    return open.quote + exit.quote;
  }

  @Override
  public boolean isTrading() {
    return state == ExecutorState.RUNNING && open.base > EPS;
  }

  @Override
  public PositionExecutorConfig config() {
    return config;
  }
}
