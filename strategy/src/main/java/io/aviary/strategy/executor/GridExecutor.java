package io.aviary.strategy.executor;

import io.aviary.strategy.market.MarketView;
import io.aviary.strategy.market.TradingRules;

/**
 * Hummingbot's {@code GridExecutor}. At start the levels are generated from the mid price as the live algorithm
 * does, with the market's trading rules ({@link MarketView#tradingRules()}; {@code incr} = amount step):
 * {@code min_notional = max(min_order_amount_quote, rule.min_notional)},
 * {@code min_base = max(1.05 · min_notional / mid, incr · ⌈min_notional / (incr·mid)⌉)} rounded up to {@code incr},
 * {@code min_step = max(min_spread_between_orders, tick / mid)},
 * {@code n = min(⌊total / (min_base·mid)⌋, ⌊range / min_step⌋)}, per level
 * {@code max(min_base, ⌊total/(mid·n)⌋ to incr)} base, {@code n = min(n, ⌊total / quote_per_level⌋)} ≥ 1, prices
 * {@code linspace(start, end, n)} (one level: the middle); level take profit = {@code take_profit}, or
 * {@code max(step, take_profit)} when {@code coerce_tp_to_step}.
 *
 * <p>Each step, the first matching barrier ends the grid: stop loss {@code position_pnl_pct <= -stop_loss};
 * limit price (BUY {@code mid <= limit}, SELL {@code mid >= limit}) → POSITION_HOLD with {@code keep_position}, else
 * STOP_LOSS; time limit; trailing stop on {@code position_pnl_pct}; take profit when the mid leaves the range
 * beyond its far end (BUY {@code mid > end}, SELL {@code mid < start}). Otherwise, with {@code activation_bounds}
 * {@code b}, resting open and take-profit orders whose price is more than {@code b} from the mid
 * ({@code |price − mid| / mid > b}) are cancelled (the level goes back to idle, or to filled for a take profit,
 * and gets its order again once the mid is back); then idle levels within the activation bounds (BUY
 * {@code level >= mid·(1 − b)}, SELL {@code level <= mid·(1 + b)}, as Hummingbot) get open orders, nearest the mid
 * first, at most {@code max_orders_per_batch} per step, while fewer than
 * {@code max_open_orders} rest and {@code order_frequency} seconds passed since the last batch, at the level price
 * or, if that would cross, {@code mid·(1 ∓ safe_extra_spread)}; filled levels get a take-profit order at
 * {@code level·(1 ± tp)} (not crossing; with bounds only once {@code |level·(1 ± tp) − mid| / mid < b}). A level whose take profit fills is recycled. Shutdown cancels everything
 * and MARKET-closes the open position (kept instead with POSITION_HOLD).
 *
 * <p>PnL: position = filled, not closed levels, {@code side·(mid − be)/be·size_quote − their fees}; realized =
 * {@code Σ sell quote − Σ buy quote − Σ fees} of completed round trips (and the final close); net = position +
 * realized (POSITION_HOLD: realized only); filled quote = position size + bought + sold quote.
 * Orders are rounded to the venue's increments by the gateway (the venue), as Hummingbot's connectors do.
 */
public final class GridExecutor extends ClosingExecutor {
  private static final int NOT_ACTIVE = 0;
  private static final int OPEN_PLACED = 1;
  private static final int OPEN_FILLED = 2;
  private static final int CLOSE_PLACED = 3;
  /** The level states' names in checkpoints, indexed by state. */
  private static final java.util.List<String> STATE_NAMES =
      java.util.List.of("NOT_ACTIVE", "OPEN_PLACED", "OPEN_FILLED", "CLOSE_PLACED");

  private final GridExecutorConfig config;
  private final double stopLoss;
  private final TrailingTrigger trailing;
  private double[] levelPrices = new double[0];
  private double takeProfit;
  private double quotePerLevel;
  private int[] levelState = new int[0];
  private String[] openIds = new String[0];
  private String[] closeIds = new String[0];
  /** The price each level's resting open / take-profit order was placed at (the activation bounds judge it). */
  private double[] openPrices = new double[0];
  private double[] closePrices = new double[0];
  private double[] openBase = new double[0];
  private double[] openQuote = new double[0];
  private double[] openFees = new double[0];
  private double[] closeBase = new double[0];
  private double[] closeQuote = new double[0];
  private double[] closeFees = new double[0];
  private long lastBatchAt = Long.MIN_VALUE;
  private double realizedBuyQuote;
  private double realizedSellQuote;
  private double realizedBuyBase;
  private double realizedSellBase;
  private double realizedFees;
  private String shutdownOrderId;
  private double shutdownBase;
  private double mid = Double.NaN;

  public GridExecutor(String id, GridExecutorConfig config, OrderGateway gateway) {
    super(id, config, gateway, expiry(config.timestamp(), config.tripleBarrierConfig().timeLimit()));
    this.config = config;
    TripleBarrierConfig barriers = config.tripleBarrierConfig();
    stopLoss = orNaN(barriers.stopLoss());
    trailing = TrailingTrigger.of(barriers.trailingStop());
  }

  @Override
  public void start(MarketView market) {
    if (!begin(market)) {
      return;
    }
    mark(market);
    generateLevels(mid);
    if (expiredAtStart(market.now())) {
      return;
    }
    step(market);
  }

  /**
   * Hummingbot's level sizing with the market's trading rules: the minimum notional is the larger of
   * {@code min_order_amount_quote} and the venue's; the minimum base reaches it with a 5 % margin and after rounding
   * to the amount step (rounded up); levels are at least {@code max(min_spread_between_orders, tick / mid)} apart;
   * the per-level base is rounded down to the step but never below the minimum.
   */
  private void generateLevels(double price) {
    double total = config.totalAmountQuote();
    double increment = rules.minBaseAmountIncrement();
    double minNotional = Math.max(config.minOrderAmountQuote(), rules.minNotionalSize());
    double minBase = 1.05 * minNotional / price;
    if (increment > 0) {
      minBase = TradingRules.roundUp(Math.max(minBase, increment * Math.ceil(minNotional / (increment * price))),
          increment);
    }
    double minQuote = minBase * price;
    double range = (config.endPrice() - config.startPrice()) / config.startPrice();
    int byAmount = (int) Math.floor(total / minQuote);
    int n;
    if (byAmount == 0) {
      n = 1;
      quotePerLevel = minQuote;
    } else {
      double minStep = Math.max(config.minSpreadBetweenOrders(), rules.minPriceIncrement() / price);
      int byStep = minStep > 0 ? (int) Math.min(Integer.MAX_VALUE, Math.floor(range / minStep)) : byAmount;
      n = Math.max(1, Math.min(byAmount, byStep));
      double basePerLevel = Math.max(minBase, rules.quantizeAmount(total / (price * n)));
      quotePerLevel = basePerLevel * price;
      n = Math.max(1, Math.min(n, (int) Math.floor(total / quotePerLevel + 1e-9)));
    }
    allocateLevels(n);
    double step;
    if (n == 1) {
      levelPrices[0] = (config.startPrice() + config.endPrice()) / 2;
      step = range;
    } else {
      for (int i = 0; i < n; i++) {
        levelPrices[i] = config.startPrice() + (config.endPrice() - config.startPrice()) * i / (n - 1);
      }
      step = range / (n - 1);
    }
    double tp = config.tripleBarrierConfig().takeProfit();
    takeProfit = config.coerceTpToStep() ? Math.max(step, tp) : tp;
  }

  private void allocateLevels(int n) {
    levelPrices = new double[n];
    levelState = new int[n];
    openIds = new String[n];
    closeIds = new String[n];
    openPrices = new double[n];
    closePrices = new double[n];
    openBase = new double[n];
    openQuote = new double[n];
    openFees = new double[n];
    closeBase = new double[n];
    closeQuote = new double[n];
    closeFees = new double[n];
  }

  @Override
  public void step(MarketView market) {
    if (!isStepping()) {
      return;
    }
    long now = market.now();
    lastNow = now;
    rules = market.tradingRules();
    mark(market);
    if (state == ExecutorState.SHUTTING_DOWN) {
      closeRemaining(now);
      return;
    }
    CloseType barrier = barrier(now);
    if (barrier != null) {
      if (barrier == CloseType.POSITION_HOLD) {
        cancelResting();
        terminate(positionBase() > EPS || realizedBuyBase + realizedSellBase > EPS
            ? CloseType.POSITION_HOLD : CloseType.STOP_LOSS, now);
      } else {
        beginClose(barrier, now);
      }
      return;
    }
    cancelOutOfBounds();
    placeTakeProfits();
    placeOpenOrders(now);
  }

  /** Cancels the resting open and take-profit orders farther than the activation bounds from the mid. */
  private void cancelOutOfBounds() {
    double bounds = config.activationBounds();
    if (Double.isNaN(bounds)) {
      return;
    }
    for (int i = 0; i < levelPrices.length; i++) {
      String open = openIds[i];
      if (open != null && Math.abs(openPrices[i] - mid) / mid > bounds) {
        openIds[i] = null;
        levelState[i] = openBase[i] > EPS ? OPEN_FILLED : NOT_ACTIVE;
        cancel(open);
      }
      String close = closeIds[i];
      if (close != null && Math.abs(closePrices[i] - mid) / mid > bounds) {
        closeIds[i] = null;
        levelState[i] = OPEN_FILLED;
        cancel(close);
      }
    }
  }

  private CloseType barrier(long now) {
    double pnlPct = positionPnlPct();
    if (!Double.isNaN(stopLoss) && pnlPct <= -stopLoss) {
      return CloseType.STOP_LOSS;
    }
    if (sign > 0 ? mid <= config.limitPrice() : mid >= config.limitPrice()) {
      return config.keepPosition() ? CloseType.POSITION_HOLD : CloseType.STOP_LOSS;
    }
    if (expiresAt <= now) {
      return CloseType.TIME_LIMIT;
    }
    if (trailing != null && trailing.hit(pnlPct)) {
      return CloseType.TRAILING_STOP;
    }
    if (sign > 0 ? mid > config.endPrice() : mid < config.startPrice()) {
      return CloseType.TAKE_PROFIT;
    }
    return null;
  }

  private void placeTakeProfits() {
    OrderType type = config.tripleBarrierConfig().takeProfitOrderType();
    double safe = config.safeExtraSpread();
    double bounds = config.activationBounds();
    for (int i = 0; i < levelPrices.length; i++) {
      if (levelState[i] != OPEN_FILLED) {
        continue;
      }
      double price = levelPrices[i] * (1 + sign * takeProfit);
      if (!Double.isNaN(bounds) && !(Math.abs(price - mid) / mid < bounds)) {
        continue;
      }
      price = sign > 0 ? Math.max(price, mid * (1 + safe)) : Math.min(price, mid * (1 - safe));
      levelState[i] = CLOSE_PLACED;
      closePrices[i] = price;
      closeIds[i] = place("grid_close", i, request(config.side().opposite(), type,
          openBase[i] - closeBase[i], price, PositionAction.CLOSE));
    }
  }

  private void placeOpenOrders(long now) {
    int open = 0;
    for (int s : levelState) {
      if (s == OPEN_PLACED) {
        open++;
      }
    }
    if (open >= config.maxOpenOrders() || lastBatchAt != Long.MIN_VALUE
        && now - lastBatchAt < config.orderFrequency()) {
      return;
    }
    int batch = config.maxOrdersPerBatch() > 0 ? config.maxOrdersPerBatch() : Integer.MAX_VALUE;
    int allowed = Math.min(batch, config.maxOpenOrders() - open);
    OrderType type = config.tripleBarrierConfig().openOrderType();
    double safe = config.safeExtraSpread();
    int placedNow = 0;
    while (placedNow < allowed) {
      int nearest = nearestIdleLevel();
      if (nearest < 0) {
        break;
      }
      double price = levelPrices[nearest];
      price = sign > 0 ? Math.min(price, mid * (1 - safe)) : Math.max(price, mid * (1 + safe));
      levelState[nearest] = OPEN_PLACED;
      openPrices[nearest] = price;
      openIds[nearest] = place("grid_open", nearest, request(config.side(), type,
          quotePerLevel / levelPrices[nearest], price, PositionAction.OPEN));
      placedNow++;
    }
    if (placedNow > 0) {
      lastBatchAt = now;
    }
  }

  private int nearestIdleLevel() {
    int best = -1;
    double bestDistance = Double.MAX_VALUE;
    double bounds = config.activationBounds();
    for (int i = 0; i < levelPrices.length; i++) {
      if (levelState[i] != NOT_ACTIVE) {
        continue;
      }
      if (!Double.isNaN(bounds) && (sign > 0 ? levelPrices[i] < mid * (1 - bounds)
          : levelPrices[i] > mid * (1 + bounds))) {
        continue;
      }
      double distance = Math.abs(levelPrices[i] - mid) / mid;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    return best;
  }

  @Override
  public void earlyStop(MarketView market, boolean keepPosition) {
    if (state == ExecutorState.TERMINATED || state == ExecutorState.SHUTTING_DOWN) {
      return;
    }
    mark(market);
    if (keepPosition) {
      cancelResting();
      boolean traded = positionBase() > EPS || realizedBuyBase + realizedSellBase > EPS;
      terminate(traded ? CloseType.POSITION_HOLD : CloseType.EARLY_STOP, market.now());
      return;
    }
    beginClose(CloseType.EARLY_STOP, market.now());
  }

  @Override
  void mark(MarketView market) {
    mid = market.midPrice();
  }

  /** Cancels every level's open and take-profit order; a level keeps what filled. */
  @Override
  void cancelResting() {
    for (int i = 0; i < levelPrices.length; i++) {
      String open = openIds[i];
      if (open != null) {
        openIds[i] = null;
        if (levelState[i] == OPEN_PLACED) {
          levelState[i] = openBase[i] > EPS ? OPEN_FILLED : NOT_ACTIVE;
        }
        cancel(open);
      }
      String close = closeIds[i];
      if (close != null) {
        closeIds[i] = null;
        levelState[i] = OPEN_FILLED;
        cancel(close);
      }
    }
  }

  /** MARKET-closes the open position (what the levels still hold); terminates when flat or below the minimum size. */
  @Override
  void closeRemaining(long now) {
    if (shutdownOrderId != null) {
      return;
    }
    double base = positionBase();
    if (closable(base)) {
      shutdownBase = base;
      shutdownOrderId = place("shutdown_close", -1, request(config.side().opposite(), OrderType.MARKET, base,
          Double.NaN, PositionAction.CLOSE));
    } else {
      terminate(closeType, now);
    }
  }

  @Override
  public void onOrderFilled(OrderFill fill) {
    if (isRepeat(fill)) {
      return;
    }
    String id = fill.orderId();
    lastNow = Math.max(lastNow, fill.timestamp());
    double quote = fill.amount() * fill.price();
    if (id.equals(shutdownOrderId)) {
      onShutdownFill(fill, quote);
      return;
    }
    for (int i = 0; i < levelPrices.length; i++) {
      if (id.equals(openIds[i])) {
        openBase[i] += fill.amount();
        openQuote[i] += quote;
        openFees[i] += fill.feeQuote();
        if (fill.completesOrder()) {
          openIds[i] = null;
          levelState[i] = OPEN_FILLED;
        }
        return;
      }
      if (id.equals(closeIds[i])) {
        closeBase[i] += fill.amount();
        closeQuote[i] += quote;
        closeFees[i] += fill.feeQuote();
        if (fill.completesOrder()) {
          closeIds[i] = null;
          completeLevel(i);
        }
        return;
      }
    }
  }

  /** Books the level's legs as realized and recycles it: both legs filled, or the shutdown close took over. */
  private void completeLevel(int i) {
    bookRealized(sign, openBase[i], openQuote[i]);
    bookRealized(-sign, closeBase[i], closeQuote[i]);
    realizedFees += openFees[i] + closeFees[i];
    openBase[i] = openQuote[i] = openFees[i] = closeBase[i] = closeQuote[i] = closeFees[i] = 0;
    levelState[i] = NOT_ACTIVE;
  }

  private void bookRealized(int tradeSign, double base, double quote) {
    if (tradeSign > 0) {
      realizedBuyBase += base;
      realizedBuyQuote += quote;
    } else {
      realizedSellBase += base;
      realizedSellQuote += quote;
    }
  }

  private void onShutdownFill(OrderFill fill, double quote) {
    // the position's open legs (and any partial take profits) become realized with this close
    for (int i = 0; i < levelPrices.length; i++) {
      if (openBase[i] > EPS) {
        completeLevel(i);
      }
    }
    bookRealized(-sign, fill.amount(), quote);
    realizedFees += fill.feeQuote();
    shutdownBase -= fill.amount();
    if (fill.completesOrder()) {
      shutdownOrderId = null;
      if (state == ExecutorState.SHUTTING_DOWN) {
        terminate(closeType, fill.timestamp());
      }
    }
  }

  @Override
  public void onOrderCancelled(String id) {
    endedBefore(id, CheckpointOrder.Status.CANCELLED); // noted in the journal, if any
    // cancellations this executor requested were already applied to the level states
  }

  @Override
  public void onOrderFailed(String id) {
    if (endedBefore(id, CheckpointOrder.Status.FAILED)) {
      return;
    }
    if (id.equals(shutdownOrderId)) {
      shutdownOrderId = null;
      closeOrderFailed();
      return;
    }
    for (int i = 0; i < levelPrices.length; i++) {
      if (id.equals(openIds[i])) {
        openIds[i] = null;
        levelState[i] = openBase[i] > EPS ? OPEN_FILLED : NOT_ACTIVE;
      } else if (id.equals(closeIds[i])) {
        closeIds[i] = null;
        levelState[i] = OPEN_FILLED;
      }
    }
  }

  @Override
  ExecutorCheckpoint.Progress progress() {
    java.util.List<Double> prices = new java.util.ArrayList<>(levelPrices.length);
    java.util.List<ExecutorCheckpoint.GridLevel> levels = new java.util.ArrayList<>(levelPrices.length);
    for (int i = 0; i < levelPrices.length; i++) {
      prices.add(levelPrices[i]);
      levels.add(new ExecutorCheckpoint.GridLevel(STATE_NAMES.get(levelState[i]), openIds[i], closeIds[i],
          openBase[i], openQuote[i], openFees[i], closeBase[i], closeQuote[i], closeFees[i]));
    }
    return new ExecutorCheckpoint.GridProgress(prices, takeProfit, quotePerLevel, levels, lastBatchAt,
        realizedBuyQuote, realizedSellQuote, realizedBuyBase, realizedSellBase, realizedFees, shutdownOrderId,
        shutdownBase, mid, TrailingTrigger.triggerOf(trailing));
  }

  @Override
  void restore(ExecutorCheckpoint.Progress progress) {
    ExecutorCheckpoint.GridProgress p = (ExecutorCheckpoint.GridProgress) progress;
    int n = p.levelPrices().size();
    if (p.levels().size() != n) {
      throw new IllegalArgumentException("grid checkpoint needs one level per level price");
    }
    allocateLevels(n);
    for (int i = 0; i < n; i++) {
      ExecutorCheckpoint.GridLevel level = p.levels().get(i);
      levelPrices[i] = p.levelPrices().get(i);
      levelState[i] = STATE_NAMES.indexOf(level.state());
      if (levelState[i] < 0) {
        throw new IllegalArgumentException("grid checkpoint: unknown level state at level " + i);
      }
      openIds[i] = level.openOrderId();
      closeIds[i] = level.closeOrderId();
      openBase[i] = level.openBase();
      openQuote[i] = level.openQuote();
      openFees[i] = level.openFees();
      closeBase[i] = level.closeBase();
      closeQuote[i] = level.closeQuote();
      closeFees[i] = level.closeFees();
    }
    for (CheckpointOrder o : restoredOrders()) {
      if (o.level() >= 0 && o.level() < n) {
        if (o.clientOrderId().equals(openIds[o.level()])) {
          openPrices[o.level()] = o.price();
        } else if (o.clientOrderId().equals(closeIds[o.level()])) {
          closePrices[o.level()] = o.price();
        }
      }
    }
    takeProfit = p.takeProfit();
    quotePerLevel = p.quotePerLevel();
    lastBatchAt = p.lastBatchAt();
    realizedBuyQuote = p.realizedBuyQuote();
    realizedSellQuote = p.realizedSellQuote();
    realizedBuyBase = p.realizedBuyBase();
    realizedSellBase = p.realizedSellBase();
    realizedFees = p.realizedFees();
    shutdownOrderId = p.shutdownOrderId();
    shutdownBase = p.shutdownBase();
    mid = p.mid();
    TrailingTrigger.restore(trailing, p.trailingTrigger());
  }

  /** Base held by filled, not closed levels. */
  public double positionBase() {
    double base = 0;
    for (int i = 0; i < openBase.length; i++) {
      base += openBase[i] - closeBase[i];
    }
    return base;
  }

  /** Quote paid (BUY grid) / received (SELL grid) for the position's open legs. */
  public double positionSizeQuote() {
    double quote = 0;
    for (int i = 0; i < openBase.length; i++) {
      if (openBase[i] > EPS) {
        quote += openQuote[i] * (openBase[i] - closeBase[i]) / openBase[i];
      }
    }
    return quote;
  }

  private double positionFees() {
    double fees = 0;
    for (int i = 0; i < openFees.length; i++) {
      fees += openFees[i] + closeFees[i];
    }
    return fees;
  }

  /** Hummingbot's {@code position_pnl_quote}: the open position marked at the mid, minus its fees. */
  public double positionPnlQuote() {
    double size = positionSizeQuote();
    if (size <= EPS) {
      return -positionFees();
    }
    double breakEven = size / positionBase();
    return sign * (mid - breakEven) / breakEven * size - positionFees();
  }

  private double positionPnlPct() {
    double size = positionSizeQuote();
    return size > EPS ? positionPnlQuote() / size : 0;
  }

  /** {@code Σ sell quote − Σ buy quote − Σ fees} of completed round trips. */
  public double realizedPnlQuote() {
    return realizedSellQuote - realizedBuyQuote - realizedFees;
  }

  /** The generated level prices, lowest first. */
  public double[] levelPrices() {
    return levelPrices.clone();
  }

  /** Per-level take profit (fraction). */
  public double levelTakeProfit() {
    return takeProfit;
  }

  /** Quote amount of each level's open order. */
  public double quotePerLevel() {
    return quotePerLevel;
  }

  @Override
  public void bookHeldFills(HeldFillSink sink) {
    if (realizedBuyBase > EPS) {
      sink.book(1, realizedBuyBase, realizedBuyQuote / realizedBuyBase);
    }
    if (realizedSellBase > EPS) {
      sink.book(-1, realizedSellBase, realizedSellQuote / realizedSellBase);
    }
    double base = positionBase();
    if (base > EPS) {
      sink.book(sign, base, positionSizeQuote() / base);
    }
  }

  @Override
  public GridExecutorConfig config() {
    return config;
  }

  @Override
  public boolean isActive() {
    return state != ExecutorState.TERMINATED;
  }

  @Override
  public boolean isTrading() {
    return state == ExecutorState.RUNNING && positionBase() > EPS;
  }

  @Override
  public double netPnlQuote() {
    double realized = realizedPnlQuote();
    double net = closeType == CloseType.POSITION_HOLD ? realized : realized + positionPnlQuote();
    return net + cumFunding;
  }

  @Override
  public double netPnlPct() {
    double filled = filledAmountQuote();
    return filled > EPS ? netPnlQuote() / filled : 0;
  }

  @Override
  public double cumFeesQuote() {
    return realizedFees + positionFees();
  }

  @Override
  public double filledAmountQuote() {
    return positionSizeQuote() + realizedBuyQuote + realizedSellQuote;
  }
}
