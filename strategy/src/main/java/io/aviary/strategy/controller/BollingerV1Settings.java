package io.aviary.strategy.controller;

/** The values {@code bollinger_v1} reads beyond {@link DirectionalTradingSettings}. */
public interface BollingerV1Settings extends DirectionalTradingSettings {

  /** {@code bb_length}. */
  int bbLength();

  /** {@code bb_std}. */
  double bbStd();

  /** {@code bb_long_threshold}: long when %B is below it. */
  double bbLongThreshold();

  /** {@code bb_short_threshold}: short when %B is above it. */
  double bbShortThreshold();
}
