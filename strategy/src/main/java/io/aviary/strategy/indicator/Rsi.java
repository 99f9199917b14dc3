package io.aviary.strategy.indicator;

/** Relative strength index with Wilder's smoothing of gains and losses (0..100). */
public final class Rsi {
  private Rsi() {}

  public static double[] of(double[] close, int size, int length) {
    double[] gain = new double[size];
    double[] loss = new double[size];
    for (int i = 1; i < size; i++) {
      double change = close[i] - close[i - 1];
      gain[i] = Math.max(change, 0);
      loss[i] = Math.max(-change, 0);
    }
    double[] avgGain = Ema.wilder(gain, size, length);
    double[] avgLoss = Ema.wilder(loss, size, length);
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      double g = avgGain[i];
      double l = avgLoss[i];
      out[i] = Double.isNaN(g) || Double.isNaN(l) ? Double.NaN
          : l == 0 ? (g == 0 ? 0 : 100) : 100 - 100 / (1 + g / l);
    }
    return out;
  }
}
