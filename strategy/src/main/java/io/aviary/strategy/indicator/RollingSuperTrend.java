package io.aviary.strategy.indicator;

/**
 * Streaming {@link SuperTrend} (ta4j 0.22's rules, see there): one {@link #update(double, double, double)} per
 * closed candle.
 */
public final class RollingSuperTrend {
  private final ExponentialSmoother atr;
  private final double multiplier;
  private boolean first = true;
  private double prevClose = Double.NaN;
  private double upper = Double.NaN;
  private double lower = Double.NaN;
  private double value = Double.NaN;

  public RollingSuperTrend(int length, double multiplier) {
    this.atr = ExponentialSmoother.wilder(length);
    this.multiplier = multiplier;
  }

  public void update(double high, double low, double close) {
    double range = high - low;
    if (!first) {
      range = Math.max(range, Math.max(Math.abs(high - prevClose), Math.abs(low - prevClose)));
    }
    double a = atr.update(range);
    double median = (high + low) / 2;
    double basicUpper = median + multiplier * a;
    double basicLower = median - multiplier * a;
    boolean hasPrev = !first && !Double.isNaN(upper);
    double prevUpper = upper;
    double prevLower = lower;
    double prevValue = value;
    upper = !hasPrev || Double.isNaN(basicUpper) || basicUpper < prevUpper || prevClose > prevUpper
        ? basicUpper : prevUpper;
    lower = !hasPrev || Double.isNaN(basicLower) || basicLower > prevLower || prevClose < prevLower
        ? basicLower : prevLower;
    if (Double.isNaN(upper) || Double.isNaN(lower)) {
      value = Double.NaN;
    } else if (first || Double.isNaN(prevValue)) {
      value = lower;
    } else if (prevValue == prevUpper) {
      value = close <= upper ? upper : lower;
    } else if (prevValue == prevLower) {
      value = close >= lower ? lower : upper;
    } else {
      value = lower;
    }
    first = false;
    prevClose = close;
  }

  public double value() {
    return value;
  }

  public double upperBand() {
    return upper;
  }

  public double lowerBand() {
    return lower;
  }

  /** +1 up trend (the line is the lower band), −1 down trend, NaN in warm-up. */
  public double direction() {
    return Double.isNaN(value) ? Double.NaN : value == lower ? 1 : -1;
  }
}
