package io.aviary.strategy.indicator;

/**
 * Streaming normalized ATR as a fraction ({@code ATR / close}; pandas-ta's {@code natr} is 100 times this): true
 * range smoothed Wilder-style with {@link ExponentialSmoother#wilder} (ta4j's {@code ATRIndicator} rules). One
 * {@link #update} per closed candle; NaN during warm-up.
 */
public final class RollingNatr {
  private final ExponentialSmoother atr;
  private double prevClose = Double.NaN;
  private double value = Double.NaN;

  public RollingNatr(int length) {
    this.atr = ExponentialSmoother.wilder(length);
  }

  public double update(double high, double low, double close) {
    double range = high - low;
    if (!Double.isNaN(prevClose)) {
      range = Math.max(range, Math.max(Math.abs(high - prevClose), Math.abs(low - prevClose)));
    }
    prevClose = close;
    value = atr.update(range) / close;
    return value;
  }

  public double value() {
    return value;
  }
}
