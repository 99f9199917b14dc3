package io.aviary.strategy.indicator;

/**
 * SuperTrend over ATR({@code length}) with band multiplier {@code multiplier}, as ta4j 0.22 computes it: basic bands
 * (high+low)/2 ± multiplier·ATR; the final upper band only moves down (and the lower only up) unless the previous
 * close crossed it; the line follows the upper band in a down trend until a close above it, the lower band in an up
 * trend until a close below it. {@code direction} is +1 (up trend: line = lower band), −1 (down trend), NaN in
 * warm-up.
 */
public record SuperTrend(double[] value, double[] direction, double[] upperBand, double[] lowerBand) {

  public static SuperTrend of(
      double[] high, double[] low, double[] close, int size, int length, double multiplier) {
    double[] atr = Atr.of(high, low, close, size, length);
    double[] upper = new double[size];
    double[] lower = new double[size];
    double[] value = new double[size];
    double[] direction = new double[size];
    for (int i = 0; i < size; i++) {
      double median = (high[i] + low[i]) / 2;
      double basicUpper = median + multiplier * atr[i];
      double basicLower = median - multiplier * atr[i];
      boolean hasPrev = i > 0 && !Double.isNaN(upper[i - 1]);
      upper[i] = !hasPrev || Double.isNaN(basicUpper) || basicUpper < upper[i - 1] || close[i - 1] > upper[i - 1]
          ? basicUpper : upper[i - 1];
      lower[i] = !hasPrev || Double.isNaN(basicLower) || basicLower > lower[i - 1] || close[i - 1] < lower[i - 1]
          ? basicLower : lower[i - 1];
      value[i] = line(i, close[i], upper, lower, value);
      direction[i] = Double.isNaN(value[i]) ? Double.NaN : value[i] == lower[i] ? 1 : -1;
    }
    return new SuperTrend(value, direction, upper, lower);
  }

  private static double line(int i, double close, double[] upper, double[] lower, double[] value) {
    if (Double.isNaN(upper[i]) || Double.isNaN(lower[i])) {
      return Double.NaN;
    }
    if (i == 0 || Double.isNaN(value[i - 1])) {
      return lower[i];
    }
    double prev = value[i - 1];
    if (prev == upper[i - 1]) {
      return close <= upper[i] ? upper[i] : lower[i];
    }
    if (prev == lower[i - 1]) {
      return close >= lower[i] ? lower[i] : upper[i];
    }
    return lower[i];
  }
}
