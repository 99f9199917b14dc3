package io.aviary.strategy.indicator;

/**
 * Bollinger bands over {@code length} closes with {@code k} population standard deviations (pandas-ta's
 * {@code bbands(ddof=0)}, as Hummingbot's controllers use): middle = SMA, upper/lower = middle ± k·σ,
 * %B = (close − lower) / (upper − lower), bandwidth = (upper − lower) / middle · 100.
 */
public record Bollinger(double[] lower, double[] middle, double[] upper, double[] percentB, double[] bandwidth) {

  public static Bollinger of(double[] close, int size, int length, double k) {
    double[] lower = new double[size];
    double[] middle = new double[size];
    double[] upper = new double[size];
    double[] pctB = new double[size];
    double[] width = new double[size];
    RollingBollinger rolling = new RollingBollinger(length, k);
    for (int i = 0; i < size; i++) {
      pctB[i] = rolling.update(close[i]);
      middle[i] = rolling.middle();
      lower[i] = rolling.lower();
      upper[i] = rolling.upper();
      width[i] = (upper[i] - lower[i]) / middle[i] * 100;
    }
    return new Bollinger(lower, middle, upper, pctB, width);
  }

  /** %B only. */
  public static double[] percentB(double[] close, int size, int length, double k) {
    double[] out = new double[size];
    RollingBollinger rolling = new RollingBollinger(length, k);
    for (int i = 0; i < size; i++) {
      out[i] = rolling.update(close[i]);
    }
    return out;
  }
}
