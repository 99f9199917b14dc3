package io.aviary.strategy.executor;

/**
 * Hummingbot's {@code TrailingStop}: both values are fractions of PnL (0.015 = 1.5 %). Once {@code net_pnl_pct}
 * exceeds {@code activationPrice}, a trigger trails {@code trailingDelta} below the best PnL seen.
 */
public record TrailingStop(double activationPrice, double trailingDelta) {
  public TrailingStop {
    if (!(activationPrice >= 0) || !(trailingDelta > 0)) {
      throw new IllegalArgumentException("trailing stop needs activation_price >= 0 and trailing_delta > 0");
    }
  }
}
