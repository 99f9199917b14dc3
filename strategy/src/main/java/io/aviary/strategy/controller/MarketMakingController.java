package io.aviary.strategy.controller;

import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.ExecutionStrategy;
import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.OrderExecutorConfig;
import io.aviary.strategy.executor.PositionAction;
import io.aviary.strategy.executor.PositionHeld;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.market.MarketView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hummingbot's {@code MarketMakingControllerBase}: levels {@code buy_i} / {@code sell_i} at
 * {@code reference_price · (1 ∓ spread_i · spread_multiplier)} for {@code amounts_pct_i / Σ amounts_pct ·
 * total_amount_quote} quote. A level is working while its executor is active, or for {@code cooldown_time} after
 * its executor closed by STOP_LOSS; other levels get a new executor. Active executors that are not trading and
 * older than {@code executor_refresh_time} are stopped (not those already closing: Hummingbot's controllers
 * filter on {@code is_active}, which a SHUTTING_DOWN executor is not; stopping one would turn its STOP_LOSS or
 * TIME_LIMIT into EARLY_STOP) (and re-created at the new price on a later step).
 *
 * <p>Subclasses choose the reference price and spread multiplier ({@link #updateProcessedData}; the mid and 1 by
 * default), the executor of a level ({@link #executorConfig}; a position executor by default) and may refresh
 * more ({@link #shouldRefresh}). No level is created while the reference price is NaN (indicator warm-up).
 *
 * <p>Cost per step is O(levels + active executors): stop-loss cooldowns are remembered per level from the
 * executors reported closed, never by scanning history.
 *
 * <p>Position rebalance (spot only: a connector whose name does not contain {@code _perpetual}, and
 * {@code skip_rebalance} false): the sell levels need {@code required = Σ sell level quote / reference_price}
 * base; the controller holds {@code current} = its position hold's net base (what the host passes as
 * {@link PositionHeld}; the level executors' own fills do not count, as in Hummingbot). When
 * {@code |required − current| > required · position_rebalance_threshold_pct} and no executor with level id
 * {@code position_rebalance} is active, one MARKET order executor (level id {@code position_rebalance}) buys
 * {@code required − current} (or sells {@code current − required}); it is proposed before the levels. Its fill
 * ends it in POSITION_HOLD, so the hold takes the base over.
 */
public abstract class MarketMakingController implements Controller {
  /** The level id of the position rebalance order executor. */
  public static final String REBALANCE_LEVEL_ID = "position_rebalance";
  private static final List<String> MARKET_MAKING_FEATURES = List.of("reference_price", "spread_multiplier");

  private final MarketMakingSettings config;
  private final String[] levelIds;
  private final TradeType[] sides;
  private final int[] levelIndex;
  private final double[] spreads;
  private final double[] quoteAmounts;
  private final long[] stopLossAt;
  private final boolean[] working;
  /** Base the sell levels need is this quote amount / reference price. */
  private final double sellQuoteTotal;
  private final boolean rebalances;
  private double lastReference = Double.NaN;

  protected MarketMakingController(MarketMakingSettings config) {
    this.config = config;
    int buys = config.buySpreads().size();
    int n = buys + config.sellSpreads().size();
    levelIds = new String[n];
    sides = new TradeType[n];
    levelIndex = new int[n];
    spreads = new double[n];
    quoteAmounts = new double[n];
    stopLossAt = new long[n];
    working = new boolean[n];
    Arrays.fill(stopLossAt, Long.MIN_VALUE);
    BigDecimal totalPct = sum(config.buyAmountsPct()).add(sum(config.sellAmountsPct()));
    BigDecimal total = config.totalAmountQuote();
    for (int i = 0; i < n; i++) {
      boolean buy = i < buys;
      int level = buy ? i : i - buys;
      sides[i] = buy ? TradeType.BUY : TradeType.SELL;
      levelIds[i] = (buy ? "buy_" : "sell_") + level;
      levelIndex[i] = level;
      spreads[i] = (buy ? config.buySpreads() : config.sellSpreads()).get(level);
      BigDecimal pct = (buy ? config.buyAmountsPct() : config.sellAmountsPct()).get(level);
      quoteAmounts[i] = pct.multiply(total).divide(totalPct, MathContext.DECIMAL64).doubleValue();
    }
    double sells = 0;
    for (int i = buys; i < n; i++) {
      sells += quoteAmounts[i];
    }
    sellQuoteTotal = sells;
    rebalances = !config.skipRebalance() && !config.connectorName().contains("_perpetual");
  }

  static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Override
  public MarketMakingSettings config() {
    return config;
  }

  /** Updates the indicators from the closed candles; called once per step before anything else. */
  protected void updateProcessedData(MarketView market) {}

  /** Hummingbot's {@code processed_data["reference_price"]}: the mid by default; NaN = not ready. */
  protected double referencePrice(MarketView market) {
    return market.midPrice();
  }

  /** Hummingbot's {@code processed_data["spread_multiplier"]}: 1 by default. */
  protected double spreadMultiplier() {
    return 1;
  }

  /**
   * The executor for a level: a position executor of {@code amount} base at {@code price} with the config's
   * barriers by default.
   *
   * @param level the level's index within its side (0 for {@code buy_0} and {@code sell_0})
   */
  protected ExecutorConfig executorConfig(long now, String levelId, int level, TradeType side, double price,
      double amount) {
    return new PositionExecutorConfig(null, now, config.id(), config.connectorName(), config.tradingPair(), side,
        price, amount, config.tripleBarrierConfig(), config.leverage(), levelId);
  }

  /** Whether an active executor of {@code level} gets stopped for a fresh one. */
  protected boolean shouldRefresh(ExecutorInfo e, int level, long now) {
    return e.isActive() && !e.isTrading() && now - e.timestamp() > config.executorRefreshTime();
  }

  /** Decides as if nothing were held (a host that passes no position hold). */
  @Override
  public final List<ExecutorAction> determineActions(
      MarketView market, List<? extends ExecutorInfo> active, List<? extends ExecutorInfo> closedSinceLastStep) {
    return determineActions(market, active, closedSinceLastStep, PositionHeld.NONE);
  }

  @Override
  public final List<ExecutorAction> determineActions(MarketView market, List<? extends ExecutorInfo> active,
      List<? extends ExecutorInfo> closedSinceLastStep, PositionHeld held) {
    long now = market.now();
    updateProcessedData(market);
    rememberStopLosses(closedSinceLastStep);
    Arrays.fill(working, false);
    List<ExecutorAction> actions = null;
    boolean rebalancing = false;
    for (int k = 0, n = active.size(); k < n; k++) {
      ExecutorInfo e = active.get(k);
      int level = levelOf(e.levelId());
      if (level >= 0) {
        working[level] = true;
      } else if (REBALANCE_LEVEL_ID.equals(e.levelId()) && e.isActive()) {
        rebalancing = true;
      }
      if (shouldRefresh(e, level >= 0 ? levelIndex[level] : -1, now)) {
        actions = add(actions, new ExecutorAction.Stop(config.id(), e.id(), false));
      }
    }
    double reference = referencePrice(market);
    lastReference = reference;
    if (Double.isNaN(reference)) {
      return actions == null ? List.of() : actions;
    }
    if (rebalances && !rebalancing) {
      ExecutorConfig order = rebalanceOrder(now, reference, held.netBase());
      if (order != null) {
        actions = add(actions, new ExecutorAction.Create(config.id(), order));
      }
    }
    double multiplier = spreadMultiplier();
    for (int i = 0; i < levelIds.length; i++) {
      if (working[i] || stopLossAt[i] != Long.MIN_VALUE && now - stopLossAt[i] < config.cooldownTime()) {
        continue;
      }
      double price = reference * (1 + (sides[i] == TradeType.BUY ? -1 : 1) * spreads[i] * multiplier);
      if (!(price > 0)) {
        continue;
      }
      actions = add(actions, new ExecutorAction.Create(config.id(),
          executorConfig(now, levelIds[i], levelIndex[i], sides[i], price, quoteAmounts[i] / price)));
    }
    return actions == null ? List.of() : actions;
  }

  /** Hummingbot's {@code check_position_rebalance}: a MARKET order for the missing (or excess) base, or null. */
  private ExecutorConfig rebalanceOrder(long now, double reference, double currentBase) {
    double required = sellQuoteTotal / reference;
    double diff = required - currentBase;
    if (!(Math.abs(diff) > required * config.positionRebalanceThresholdPct())) {
      return null;
    }
    return new OrderExecutorConfig(null, now, config.id(), config.connectorName(), config.tradingPair(),
        diff > 0 ? TradeType.BUY : TradeType.SELL, Math.abs(diff), PositionAction.OPEN, reference,
        ExecutionStrategy.MARKET, null, 1, REBALANCE_LEVEL_ID);
  }

  /** Hummingbot's market-making features: {@code reference_price}, {@code spread_multiplier}. */
  @Override
  public List<String> featureNames() {
    return MARKET_MAKING_FEATURES;
  }

  /** The reference price and spread multiplier of the last step (NaN while not ready). */
  @Override
  public void writeFeatures(double[] out) {
    out[0] = lastReference;
    out[1] = spreadMultiplier();
  }

  private void rememberStopLosses(List<? extends ExecutorInfo> closed) {
    for (int k = 0, n = closed.size(); k < n; k++) {
      ExecutorInfo e = closed.get(k);
      int level = levelOf(e.levelId());
      if (level >= 0 && e.closeType() == CloseType.STOP_LOSS) {
        stopLossAt[level] = Math.max(stopLossAt[level], e.closeTimestamp());
      }
    }
  }

  private int levelOf(String levelId) {
    if (levelId == null) {
      return -1;
    }
    for (int i = 0; i < levelIds.length; i++) {
      if (levelIds[i].equals(levelId)) {
        return i;
      }
    }
    return -1;
  }

  private static List<ExecutorAction> add(List<ExecutorAction> actions, ExecutorAction action) {
    List<ExecutorAction> list = actions == null ? new ArrayList<>(4) : actions;
    list.add(action);
    return list;
  }
}
