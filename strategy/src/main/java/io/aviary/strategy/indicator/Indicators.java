package io.aviary.strategy.indicator;

/** Shared helpers of the indicators. */
final class Indicators {
  private Indicators() {}

  static void requireLength(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be >= 1, was " + length);
    }
  }

  /**
   * ta4j's exponential smoothing ({@code AbstractEMAIndicator}): {@code NaN} before index {@code length} and where
   * the input is {@code NaN}; the first value after that is the input itself, then
   * {@code prev + alpha * (x - prev)}.
   */
  static double[] smooth(double[] x, int size, int length, double alpha) {
    double[] out = new double[size];
    double prev = Double.NaN;
    for (int i = 0; i < size; i++) {
      double v = x[i];
      if (i < length || Double.isNaN(v)) {
        prev = Double.NaN;
      } else if (Double.isNaN(prev)) {
        prev = v;
      } else {
        prev = prev + alpha * (v - prev);
      }
      out[i] = prev;
    }
    return out;
  }
}
