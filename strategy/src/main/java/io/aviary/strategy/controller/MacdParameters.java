package io.aviary.strategy.controller;

/** The MACD keys a controller reads ({@code macd_bb_v1}, {@code pmm_dynamic}). */
public interface MacdParameters {

  /** {@code macd_fast}. */
  int macdFast();

  /** {@code macd_slow}. */
  int macdSlow();

  /** {@code macd_signal}. */
  int macdSignal();
}
