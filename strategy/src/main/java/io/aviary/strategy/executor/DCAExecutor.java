package io.aviary.strategy.executor;

import io.aviary.strategy.market.MarketView;
import java.util.List;

/**
 * Hummingbot's {@code DCAExecutor}: enters through levels, one placed per step (level {@code k} after levels
 * {@code 0..k-1}), each {@code amounts_quote[k] / prices[k]} base: MAKER as a LIMIT at {@code prices[k]} once the
 * price is within {@code activation_bounds[0]} of it (BUY {@code price > mid·(1 − b0)}), TAKER as a MARKET order
 * while {@code price·(1 − b0) < mid < price·(1 + b1)} (SELL mirrored); no bounds → at once.
 *
 * <p>Exits on the average entry, checked in Hummingbot's order once something filled:
 * <ul>
 *   <li>stop loss: MAKER after every level filled, {@code net_pnl_pct <= -stop_loss}; TAKER
 *       {@code net_pnl_quote <= -Σ amounts_quote · stop_loss}; judged at the adverse extreme since the last step
 *       (as {@link PositionExecutor});
 *   <li>trailing stop on {@code net_pnl_pct} (as the position executor's);
 *   <li>take profit {@code net_pnl_pct > take_profit};
 *   <li>time limit {@code timestamp + time_limit <= now} (also before any fill).
 * </ul>
 * Each exit cancels the resting levels and closes what filled with one MARKET order. PnL: average entry
 * {@code Σ fill quote / Σ fill base}, marked at the best bid (long) / ask (short) while running, at the close's
 * average price after; {@code net = (close − avg)/avg · side · filled_quote − fees}.
 *
 * <p>Trading rules ({@link MarketView#tradingRules()}): a level below the minimum notional or order size fails the
 * executor at start ({@code FAILED}, nothing placed); the close is sent only for at least the minimum order size.
 */
public final class DCAExecutor extends ClosingExecutor {
  private final DCAExecutorConfig config;
  private final double[] prices;
  private final double[] amountsQuote;
  private final String[] orderIds;
  private final boolean[] levelDone;
  private final double stopLoss;
  private final double takeProfit;
  private final double boundLow;
  private final double boundHigh;
  private final double maxLossQuote;
  private final TrailingTrigger trailing;
  private final Fills open = new Fills();
  private final Fills exit = new Fills();
  private int placed;
  private int filledLevels;
  private String closeOrderId;
  private double markPrice = Double.NaN;

  public DCAExecutor(String id, DCAExecutorConfig config, OrderGateway gateway) {
    super(id, config, gateway, expiry(config.timestamp(), config.timeLimit()));
    this.config = config;
    int n = config.prices().size();
    prices = new double[n];
    amountsQuote = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      prices[i] = config.prices().get(i);
      amountsQuote[i] = config.amountsQuote().get(i);
      total += amountsQuote[i];
    }
    orderIds = new String[n];
    levelDone = new boolean[n];
    stopLoss = orNaN(config.stopLoss());
    takeProfit = orNaN(config.takeProfit());
    trailing = TrailingTrigger.of(config.trailingStop());
    List<Double> bounds = config.activationBounds();
    boundLow = bounds == null || bounds.isEmpty() ? Double.NaN : bounds.get(0);
    boundHigh = bounds == null || bounds.size() < 2 ? boundLow : bounds.get(1);
    maxLossQuote = Double.isNaN(stopLoss) ? Double.NaN : total * stopLoss;
  }

  @Override
  public void start(MarketView market) {
    if (!begin(market)) {
      return;
    }
    if (levelBelowMinimum()) {
      terminate(CloseType.FAILED, market.now());
      return;
    }
    mark(market);
    if (expiredAtStart(market.now())) {
      return;
    }
    placeNextLevel(market);
  }

  /**
   * Hummingbot fails a DCA executor whose levels the venue would refuse: a level below the minimum notional
   * ({@code amounts_quote[k]}) or the minimum order size ({@code amounts_quote[k] / prices[k]}). Hummingbot checks at
   * construction; here the rules come with the market, so at start, before any order.
   */
  private boolean levelBelowMinimum() {
    for (int i = 0; i < prices.length; i++) {
      if (amountsQuote[i] < rules.minNotionalSize() || amountsQuote[i] / prices[i] < rules.minOrderSize()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void step(MarketView market) {
    if (!stepToBarriers(market)) {
      return;
    }
    long now = lastNow;
    if (open.any() && barrierHit(market, now)) {
      return;
    }
    placeNextLevel(market);
  }

  private boolean barrierHit(MarketView market, long now) {
    if (!Double.isNaN(stopLoss)) {
      double adverse = adverseExtreme(market);
      boolean hit = config.mode() == DCAMode.MAKER
          ? filledLevels == prices.length && netPnlPctAt(adverse) <= -stopLoss
          : netPnlQuoteAt(adverse) <= -maxLossQuote;
      if (hit) {
        beginClose(CloseType.STOP_LOSS, now);
        return true;
      }
    }
    double pnlPct = netPnlPctAt(markPrice);
    if (trailing != null && trailing.hit(pnlPct)) {
      beginClose(CloseType.TRAILING_STOP, now);
      return true;
    }
    if (!Double.isNaN(takeProfit) && pnlPct > takeProfit) {
      beginClose(CloseType.TAKE_PROFIT, now);
      return true;
    }
    return false;
  }

  private void placeNextLevel(MarketView market) {
    if (placed >= prices.length) {
      return;
    }
    double price = prices[placed];
    double mid = market.midPrice();
    boolean maker = config.mode() == DCAMode.MAKER;
    if (!Double.isNaN(boundLow)) {
      boolean within = maker
          ? (sign > 0 ? price > mid * (1 - boundLow) : price < mid * (1 + boundLow))
          : sign > 0 ? price * (1 - boundLow) < mid && mid < price * (1 + boundHigh)
              : price * (1 - boundHigh) < mid && mid < price * (1 + boundLow);
      if (!within) {
        return;
      }
    }
    int level = placed++;
    orderIds[level] = place("level", level, request(config.side(), maker ? OrderType.LIMIT : OrderType.MARKET,
        amountsQuote[level] / price, maker ? price : Double.NaN, PositionAction.OPEN));
  }

  @Override
  public void earlyStop(MarketView market, boolean keepPosition) {
    if (earlyStopWithoutOrders(market)) {
      return;
    }
    mark(market);
    if (keepPosition && open.any()) {
      holdPosition(market.now());
      return;
    }
    beginClose(CloseType.EARLY_STOP, market.now());
  }

  @Override
  void mark(MarketView market) {
    markPrice = ownSideTouch(market);
  }

  /** Cancels the levels still resting. */
  @Override
  void cancelResting() {
    for (int i = 0; i < placed; i++) {
      String live = orderIds[i];
      if (live != null && !levelDone[i]) {
        orderIds[i] = null;
        levelDone[i] = true;
        cancel(live);
      }
    }
  }

  @Override
  void closeRemaining(long now) {
    double remaining = open.base - exit.base;
    if (closeOrderId == null && closable(remaining)) {
      closeOrderId = place("close", -1, request(config.side().opposite(), OrderType.MARKET, remaining, Double.NaN,
          PositionAction.CLOSE));
    } else if (closeOrderId == null) {
      terminate(closeType, now);
    }
  }

  @Override
  public void onOrderFilled(OrderFill fill) {
    if (isRepeat(fill)) {
      return;
    }
    cumFees += fill.feeQuote();
    lastNow = Math.max(lastNow, fill.timestamp());
    String id = fill.orderId();
    if (id.equals(closeOrderId)) {
      exit.add(fill);
      if (fill.completesOrder()) {
        closeOrderId = null;
        if (open.base - exit.base <= EPS && state == ExecutorState.SHUTTING_DOWN) {
          terminate(closeType, fill.timestamp());
        }
      }
      return;
    }
    open.add(fill);
    if (fill.completesOrder()) {
      for (int i = 0; i < placed; i++) {
        if (id.equals(orderIds[i])) {
          orderIds[i] = null;
          levelDone[i] = true;
          filledLevels++;
        }
      }
    }
  }

  @Override
  public void onOrderCancelled(String id) {
    if (endedBefore(id, CheckpointOrder.Status.CANCELLED)) {
      return;
    }
    forget(id);
  }

  @Override
  public void onOrderFailed(String id) {
    if (endedBefore(id, CheckpointOrder.Status.FAILED)) {
      return;
    }
    if (id.equals(closeOrderId)) {
      closeOrderId = null;
      closeOrderFailed();
      return;
    }
    forget(id);
  }

  private void forget(String id) {
    if (id.equals(closeOrderId)) {
      closeOrderId = null;
      return;
    }
    for (int i = 0; i < placed; i++) {
      if (id.equals(orderIds[i])) {
        orderIds[i] = null;
        levelDone[i] = true;
      }
    }
  }

  @Override
  ExecutorCheckpoint.Progress progress() {
    List<Boolean> done = new java.util.ArrayList<>(levelDone.length);
    for (boolean d : levelDone) {
      done.add(d);
    }
    return new ExecutorCheckpoint.DcaProgress(java.util.Arrays.asList(orderIds.clone()), done, placed, filledLevels,
        open.base, open.quote, exit.base, exit.quote, closeOrderId, markPrice, TrailingTrigger.triggerOf(trailing));
  }

  @Override
  void restore(ExecutorCheckpoint.Progress progress) {
    ExecutorCheckpoint.DcaProgress p = (ExecutorCheckpoint.DcaProgress) progress;
    if (p.levelOrderIds().size() != orderIds.length || p.levelDone().size() != levelDone.length) {
      throw new IllegalArgumentException("DCA checkpoint levels do not match the config's");
    }
    for (int i = 0; i < orderIds.length; i++) {
      orderIds[i] = p.levelOrderIds().get(i);
      levelDone[i] = p.levelDone().get(i);
    }
    placed = p.placed();
    filledLevels = p.filledLevels();
    open.base = p.openBase();
    open.quote = p.openQuote();
    exit.base = p.exitBase();
    exit.quote = p.exitQuote();
    closeOrderId = p.closeOrderId();
    markPrice = p.markPrice();
    TrailingTrigger.restore(trailing, p.trailingTrigger());
  }

  private double netPnlQuoteAt(double price) {
    return (price * open.base - open.quote) * sign - cumFees;
  }

  private double netPnlPctAt(double price) {
    return netPnlQuoteAt(price) / open.quote;
  }

  @Override
  public void bookHeldFills(HeldFillSink sink) {
    open.bookHeld(sink, sign);
    exit.bookHeld(sink, -sign);
  }

  /** Hummingbot's {@code current_position_average_price}; NaN before any fill. */
  public double currentPositionAveragePrice() {
    return open.averageOrNaN();
  }

  /** Levels whose order filled completely. */
  public int filledLevels() {
    return filledLevels;
  }

  public double openFilledAmount() {
    return open.base;
  }

  /** Average exit price once fully closed, else the current mark. */
  public double closePrice() {
    return exit.any() && open.base - exit.base <= EPS ? exit.quote / exit.base : markPrice;
  }

  @Override
  public DCAExecutorConfig config() {
    return config;
  }

  @Override
  public boolean isTrading() {
    return state == ExecutorState.RUNNING && open.any();
  }

  @Override
  public double netPnlQuote() {
    if (!open.any() || closeType == CloseType.FAILED || closeType == CloseType.POSITION_HOLD) {
      return cumFunding - cumFees;
    }
    double average = open.quote / open.base;
    return (closePrice() - average) / average * sign * open.quote - cumFees + cumFunding;
  }

  @Override
  public double netPnlPct() {
    return open.quote > 0 ? netPnlQuote() / open.quote : 0;
  }

  @Override
  public double filledAmountQuote() {
    return closeType == CloseType.POSITION_HOLD ? 0 : open.quote + exit.base * closePrice();
  }
}
