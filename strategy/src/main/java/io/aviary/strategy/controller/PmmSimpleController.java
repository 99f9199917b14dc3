package io.aviary.strategy.controller;

/**
 * Hummingbot's {@code pmm_simple}: {@link MarketMakingController} with the mid price as reference, spread
 * multiplier 1 and one position executor per level {@code buy_i} / {@code sell_i} at {@code mid · (1 ∓ spread_i)}.
 */
public final class PmmSimpleController extends MarketMakingController {

  public PmmSimpleController(MarketMakingSettings config) {
    super(config);
  }
}
