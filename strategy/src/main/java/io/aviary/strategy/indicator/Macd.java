package io.aviary.strategy.indicator;

/** MACD line = EMA(fast) − EMA(slow); signal = EMA(macd, signal); histogram = macd − signal (ta4j's EMAs). */
public record Macd(double[] macd, double[] signal, double[] histogram) {

  public static Macd of(double[] close, int size, int fast, int slow, int signalLength) {
    if (fast >= slow) {
      throw new IllegalArgumentException("fast must be < slow");
    }
    double[] f = Ema.of(close, size, fast);
    double[] s = Ema.of(close, size, slow);
    double[] macd = new double[size];
    for (int i = 0; i < size; i++) {
      macd[i] = f[i] - s[i];
    }
    double[] signal = Ema.of(macd, size, signalLength);
    double[] hist = new double[size];
    for (int i = 0; i < size; i++) {
      hist[i] = macd[i] - signal[i];
    }
    return new Macd(macd, signal, hist);
  }
}
