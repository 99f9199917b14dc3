package io.aviary.strategy.controller;

/** The values {@code supertrend_v1} reads beyond {@link DirectionalTradingSettings}. */
public interface SuperTrendV1Settings extends DirectionalTradingSettings {

  /** {@code length}: the ATR length. */
  int length();

  /** {@code multiplier}: ATR multiples of the bands. */
  double multiplier();

  /** {@code percentage_threshold}: the most the close may be from the SuperTrend line, as a fraction. */
  double percentageThreshold();
}
