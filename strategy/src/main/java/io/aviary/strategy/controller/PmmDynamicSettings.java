package io.aviary.strategy.controller;

/** The values {@code pmm_dynamic} reads beyond {@link MarketMakingSettings}; its spreads are in NATR units. */
public interface PmmDynamicSettings extends MarketMakingSettings {

  /** {@code macd_fast}. */
  int macdFast();

  /** {@code macd_slow}. */
  int macdSlow();

  /** {@code macd_signal}. */
  int macdSignal();

  /** {@code natr_length}. */
  int natrLength();
}
