package io.aviary.strategy.controller;

import java.math.BigDecimal;
import java.util.List;

/** The values {@code dman_v3} reads beyond {@link BollingerV1Settings}. */
public interface DManV3Settings extends BollingerV1Settings {

  /** {@code dca_spreads}: DCA prices {@code price · (1 ∓ spread_k · multiplier)}. */
  List<BigDecimal> dcaSpreads();

  /** {@code dca_amounts_pct}: shares of the executor's quote amount per DCA level (normalized to sum 1). */
  List<BigDecimal> dcaAmountsPct();

  /** {@code dynamic_order_spread}: multiply the spreads by {@code BBB / 200}. */
  boolean dynamicOrderSpread();

  /** {@code dynamic_target}: multiply stop loss and trailing stop by the same multiplier. */
  boolean dynamicTarget();

  /** {@code activation_bounds}, or null. */
  List<BigDecimal> activationBounds();
}
