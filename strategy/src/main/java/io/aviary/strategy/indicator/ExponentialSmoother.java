package io.aviary.strategy.indicator;

/**
 * Streaming exponential smoothing with ta4j's warm-up ({@code AbstractEMAIndicator}): {@code NaN} for the first
 * {@code length} inputs and for {@code NaN} inputs; the first value after that is the input itself, then
 * {@code prev + alpha * (x - prev)}. EMA: {@code alpha = 2 / (length + 1)}; Wilder (MMA/RMA): {@code 1 / length}.
 */
public final class ExponentialSmoother {
  private final int length;
  private final double alpha;
  private long count;
  private double value = Double.NaN;

  public ExponentialSmoother(int length, double alpha) {
    Indicators.requireLength(length);
    this.length = length;
    this.alpha = alpha;
  }

  public static ExponentialSmoother ema(int length) {
    return new ExponentialSmoother(length, 2.0 / (length + 1));
  }

  public static ExponentialSmoother wilder(int length) {
    return new ExponentialSmoother(length, 1.0 / length);
  }

  public double update(double x) {
    if (count++ < length || Double.isNaN(x)) {
      value = Double.NaN;
    } else if (Double.isNaN(value)) {
      value = x;
    } else {
      value += alpha * (x - value);
    }
    return value;
  }

  public double value() {
    return value;
  }
}
