package io.aviary.strategy.controller;

import java.math.BigDecimal;
import java.util.List;

/** The values {@code dman_maker_v2} reads beyond {@link MarketMakingSettings}. */
public interface DManMakerV2Settings extends MarketMakingSettings {

  /** {@code dca_spreads}: each level's DCA prices are {@code level_price · (1 ∓ spread_k)}. */
  List<BigDecimal> dcaSpreads();

  /** {@code dca_amounts}: relative weights of the DCA levels (normalized to sum 1). */
  List<BigDecimal> dcaAmounts();

  /** {@code top_executor_refresh_time}, seconds, or null: refresh time of the level-0 executors. */
  Double topExecutorRefreshTime();

  /** {@code executor_activation_bounds}, or null. */
  List<BigDecimal> executorActivationBounds();
}
