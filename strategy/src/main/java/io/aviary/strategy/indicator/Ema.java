package io.aviary.strategy.indicator;

/**
 * Exponential moving average, {@code alpha = 2 / (length + 1)}, with ta4j's warm-up: {@code NaN} before index
 * {@code length}, seeded with the input at {@code length} (pandas-ta seeds with the SMA of the first window; the
 * difference decays by {@code (1 - alpha)} per candle).
 */
public final class Ema {
  private Ema() {}

  public static double[] of(double[] x, int size, int length) {
    Indicators.requireLength(length);
    return Indicators.smooth(x, size, length, 2.0 / (length + 1));
  }

  /** Wilder's smoothing (ta4j's MMA, RMA): {@code alpha = 1 / length}, same warm-up. */
  public static double[] wilder(double[] x, int size, int length) {
    Indicators.requireLength(length);
    return Indicators.smooth(x, size, length, 1.0 / length);
  }
}
