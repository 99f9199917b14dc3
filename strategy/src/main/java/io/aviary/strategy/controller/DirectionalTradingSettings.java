package io.aviary.strategy.controller;

import io.aviary.strategy.executor.TripleBarrierConfig;

/**
 * The values of Hummingbot's {@code DirectionalTradingControllerConfigBase} that directional controllers use. A
 * config record implements it (its {@code tripleBarrierConfig()} built from {@code stop_loss}, {@code take_profit},
 * {@code time_limit}, {@code trailing_stop}, MARKET open and {@code take_profit_order_type}).
 */
public interface DirectionalTradingSettings extends ControllerConfig {

  /** {@code max_executors_per_side}. */
  int maxExecutorsPerSide();

  /** {@code cooldown_time}, seconds. */
  long cooldownTime();

  /** {@code leverage}. */
  int leverage();

  /** The executors' barriers ({@code triple_barrier_config}). */
  TripleBarrierConfig tripleBarrierConfig();
}
