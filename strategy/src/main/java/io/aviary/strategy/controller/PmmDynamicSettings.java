package io.aviary.strategy.controller;

/** The values {@code pmm_dynamic} reads beyond {@link MarketMakingSettings}; its spreads are in NATR units. */
public interface PmmDynamicSettings extends MarketMakingSettings, MacdParameters {

  /** {@code natr_length}. */
  int natrLength();
}
