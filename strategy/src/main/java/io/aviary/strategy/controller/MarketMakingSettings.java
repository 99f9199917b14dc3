package io.aviary.strategy.controller;

import io.aviary.strategy.executor.TripleBarrierConfig;
import java.math.BigDecimal;
import java.util.List;

/**
 * The values of Hummingbot's {@code MarketMakingControllerConfigBase} that market-making controllers use. A config
 * record implements it ({@code tripleBarrierConfig()} with a LIMIT open order).
 */
public interface MarketMakingSettings extends ControllerConfig {

  /** {@code buy_spreads}, fractions of the reference price. */
  List<Double> buySpreads();

  /** {@code sell_spreads}. */
  List<Double> sellSpreads();

  /** {@code buy_amounts_pct}, one per buy spread (defaults resolved: equal shares). */
  List<BigDecimal> buyAmountsPct();

  /** {@code sell_amounts_pct}, one per sell spread. */
  List<BigDecimal> sellAmountsPct();

  /** {@code executor_refresh_time}, seconds. */
  long executorRefreshTime();

  /** {@code cooldown_time}, seconds a level rests after a stop loss. */
  long cooldownTime();

  /** {@code leverage}. */
  int leverage();

  /** The level executors' barriers ({@code triple_barrier_config}, LIMIT open). */
  TripleBarrierConfig tripleBarrierConfig();

  /** {@code position_rebalance_threshold_pct}: the held base may miss the sell levels' base by this fraction. */
  default double positionRebalanceThresholdPct() {
    return 0.05;
  }

  /**
   * {@code skip_rebalance}. True by default here: a settings type that does not carry the rebalance keys does not
   * rebalance; the controller configs ({@code pmm_simple}, …) carry them, with Hummingbot's default false.
   */
  default boolean skipRebalance() {
    return true;
  }
}
