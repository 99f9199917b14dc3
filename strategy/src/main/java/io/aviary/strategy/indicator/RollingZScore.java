package io.aviary.strategy.indicator;

/**
 * Streaming z-score of the last value against the mean and sample standard deviation (ddof = 1, as pandas) of the
 * last {@code window} values, O(1) per update; NaN inputs are skipped, NaN until two values are in. Sums are
 * recomputed every {@code window} updates so rounding does not accumulate.
 */
public final class RollingZScore {
  private final int window;
  private final double[] values;
  private int count;
  private int pos;
  private int sinceRecompute;
  private double sum;
  private double sumSq;
  private double value = Double.NaN;

  public RollingZScore(int window) {
    Indicators.requireLength(window);
    this.window = window;
    this.values = new double[window];
  }

  public double update(double x) {
    if (Double.isNaN(x)) {
      return value;
    }
    if (count == window) {
      double old = values[pos];
      sum -= old;
      sumSq -= old * old;
    } else {
      count++;
    }
    values[pos] = x;
    pos = pos + 1 == window ? 0 : pos + 1;
    sum += x;
    sumSq += x * x;
    if (++sinceRecompute >= window) {
      sinceRecompute = 0;
      sum = 0;
      sumSq = 0;
      for (int i = 0; i < count; i++) {
        sum += values[i];
        sumSq += values[i] * values[i];
      }
    }
    if (count < 2) {
      value = Double.NaN;
      return value;
    }
    double mean = sum / count;
    double variance = Math.max(0, (sumSq - count * mean * mean) / (count - 1));
    double std = Math.sqrt(variance);
    value = std == 0 ? 0 : (x - mean) / std;
    return value;
  }

  public double value() {
    return value;
  }
}
