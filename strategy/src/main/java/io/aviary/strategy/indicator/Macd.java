package io.aviary.strategy.indicator;

/** MACD line = EMA(fast) − EMA(slow); signal = EMA(macd, signal); histogram = macd − signal (ta4j's EMAs). */
public record Macd(double[] macd, double[] signal, double[] histogram) {

  public static Macd of(double[] close, int size, int fast, int slow, int signalLength) {
    RollingMacd rolling = new RollingMacd(fast, slow, signalLength);
    double[] macd = new double[size];
    double[] signal = new double[size];
    double[] hist = new double[size];
    for (int i = 0; i < size; i++) {
      rolling.update(close[i]);
      macd[i] = rolling.macd();
      signal[i] = rolling.signal();
      hist[i] = rolling.histogram();
    }
    return new Macd(macd, signal, hist);
  }
}
