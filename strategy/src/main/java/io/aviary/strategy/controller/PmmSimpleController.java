package io.aviary.strategy.controller;

import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.market.MarketView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hummingbot's {@code pmm_simple} ({@code MarketMakingControllerBase} with the mid price as reference and spread
 * multiplier 1): one position executor per level {@code buy_i} / {@code sell_i} at
 * {@code mid · (1 ∓ spread_i)} for {@code amounts_pct_i / Σ amounts_pct · total_amount_quote} quote. A level is
 * working while its executor is active, or for {@code cooldown_time} after its executor closed by STOP_LOSS; other
 * levels get a new executor. Active executors that are not trading and older than {@code executor_refresh_time}
 * are stopped (and re-created at the new price on a later step).
 *
 * <p>Cost per step is O(levels + active executors): stop-loss cooldowns are remembered per level from the
 * executors reported closed, never by scanning history. Not implemented: the spot position rebalance order
 * ({@code position_rebalance_threshold_pct}, an order executor).
 */
public final class PmmSimpleController implements Controller {
  private final MarketMakingSettings config;
  private final String[] levelIds;
  private final TradeType[] sides;
  private final double[] spreads;
  private final double[] quoteAmounts;
  private final long[] stopLossAt;
  private final boolean[] working;

  public PmmSimpleController(MarketMakingSettings config) {
    this.config = config;
    int buys = config.buySpreads().size();
    int n = buys + config.sellSpreads().size();
    levelIds = new String[n];
    sides = new TradeType[n];
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
      spreads[i] = (buy ? config.buySpreads() : config.sellSpreads()).get(level);
      BigDecimal pct = (buy ? config.buyAmountsPct() : config.sellAmountsPct()).get(level);
      quoteAmounts[i] = pct.multiply(total).divide(totalPct, MathContext.DECIMAL64).doubleValue();
    }
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Override
  public MarketMakingSettings config() {
    return config;
  }

  @Override
  public List<ExecutorAction> determineActions(
      MarketView market, List<? extends ExecutorInfo> active, List<? extends ExecutorInfo> closedSinceLastStep) {
    long now = market.now();
    rememberStopLosses(closedSinceLastStep);
    Arrays.fill(working, false);
    List<ExecutorAction> actions = null;
    for (int k = 0, n = active.size(); k < n; k++) {
      ExecutorInfo e = active.get(k);
      int level = levelOf(e.levelId());
      if (level >= 0) {
        working[level] = true;
      }
      if (!e.isTrading() && now - e.timestamp() > config.executorRefreshTime()) {
        actions = add(actions, new ExecutorAction.Stop(config.id(), e.id(), false));
      }
    }
    double mid = market.midPrice();
    for (int i = 0; i < levelIds.length; i++) {
      if (working[i] || stopLossAt[i] != Long.MIN_VALUE && now - stopLossAt[i] < config.cooldownTime()) {
        continue;
      }
      double price = mid * (1 + (sides[i] == TradeType.BUY ? -1 : 1) * spreads[i]);
      PositionExecutorConfig executor = new PositionExecutorConfig(null, now, config.id(), config.connectorName(),
          config.tradingPair(), sides[i], price, quoteAmounts[i] / price, config.tripleBarrierConfig(),
          config.leverage(), levelIds[i]);
      actions = add(actions, new ExecutorAction.Create(config.id(), executor));
    }
    return actions == null ? List.of() : actions;
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
