package io.aviary.strategy.indicator;

/** True range, average true range (Wilder's smoothing) and normalised ATR (ATR / close · 100). */
public final class Atr {
  private Atr() {}

  public static double[] trueRange(double[] high, double[] low, double[] close, int size) {
    double[] tr = new double[size];
    for (int i = 0; i < size; i++) {
      double range = high[i] - low[i];
      if (i > 0) {
        double prevClose = close[i - 1];
        range = Math.max(range, Math.max(Math.abs(high[i] - prevClose), Math.abs(low[i] - prevClose)));
      }
      tr[i] = range;
    }
    return tr;
  }

  public static double[] of(double[] high, double[] low, double[] close, int size, int length) {
    return Ema.wilder(trueRange(high, low, close, size), size, length);
  }

  public static double[] normalized(double[] high, double[] low, double[] close, int size, int length) {
    double[] atr = of(high, low, close, size, length);
    for (int i = 0; i < size; i++) {
      atr[i] = atr[i] / close[i] * 100;
    }
    return atr;
  }
}
