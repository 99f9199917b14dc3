package io.aviary.strategy.indicator;

/**
 * Streaming Bollinger bands: one {@link #update(double)} per closed candle, O(1) each. Sums are kept relative to
 * the window's first value (shifted data) so the variance does not lose precision at high prices, and recomputed
 * from the window every {@code length} updates so rounding does not accumulate over long runs.
 */
public final class RollingBollinger {
  private final int length;
  private final double k;
  private final double invLength;
  private final double[] window;
  private int count;
  private int pos;
  private double shift = Double.NaN;
  private double sum;
  private double sumSq;
  private double middle = Double.NaN;
  private double sigma = Double.NaN;
  private int sinceRecompute;

  public RollingBollinger(int length, double k) {
    Indicators.requireLength(length);
    if (!(k > 0)) {
      throw new IllegalArgumentException("k must be > 0");
    }
    this.length = length;
    this.k = k;
    this.invLength = 1.0 / length;
    this.window = new double[length];
  }

  /** Adds the next close and returns %B ({@code NaN} until the window is full; 0.5 when the band is flat). */
  public double update(double close) {
    if (Double.isNaN(shift)) {
      shift = close;
    }
    double d = close - shift;
    if (count == length) {
      double old = window[pos] - shift;
      sum -= old;
      sumSq -= old * old;
    } else {
      count++;
    }
    window[pos] = close;
    pos = pos + 1 == length ? 0 : pos + 1;
    sum += d;
    sumSq += d * d;
    if (++sinceRecompute >= length) {
      recompute();
    }
    if (count < length) {
      return Double.NaN;
    }
    double mean = sum * invLength;
    double variance = Math.max(0, sumSq * invLength - mean * mean);
    middle = shift + mean;
    sigma = Math.sqrt(variance);
    return sigma == 0 ? 0.5 : (close - (middle - k * sigma)) / (2 * k * sigma);
  }

  private void recompute() {
    sinceRecompute = 0;
    shift = window[pos == 0 ? length - 1 : pos - 1];
    sum = 0;
    sumSq = 0;
    for (int i = 0; i < count; i++) {
      double d = window[i] - shift;
      sum += d;
      sumSq += d * d;
    }
  }

  public boolean isReady() {
    return count == length;
  }

  public double middle() {
    return count == length ? middle : Double.NaN;
  }

  public double upper() {
    return count == length ? middle + k * sigma : Double.NaN;
  }

  public double lower() {
    return count == length ? middle - k * sigma : Double.NaN;
  }
}
