package io.aviary.strategy.indicator;

/** Simple moving average; {@code NaN} until {@code length} values are in the window. */
public final class Sma {
  private Sma() {}

  public static double[] of(double[] x, int size, int length) {
    Indicators.requireLength(length);
    double[] out = new double[size];
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += x[i];
      if (i >= length) {
        sum -= x[i - length];
      }
      out[i] = i >= length - 1 ? sum / length : Double.NaN;
    }
    return out;
  }
}
