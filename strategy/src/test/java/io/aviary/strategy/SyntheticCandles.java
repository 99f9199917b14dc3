package io.aviary.strategy;

import io.aviary.strategy.market.Candles;
import java.util.SplittableRandom;

/** Reproducible random-walk 1m candles for tests and benchmarks. */
public final class SyntheticCandles {
  private SyntheticCandles() {}

  /** {@code n} one-minute candles from {@code startPrice}, per-minute volatility {@code vol}, seeded. */
  public static Candles randomWalk(int n, double startPrice, double vol, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] ts = new long[n];
    double[] open = new double[n];
    double[] high = new double[n];
    double[] low = new double[n];
    double[] close = new double[n];
    double[] volume = new double[n];
    double price = startPrice;
    long t0 = 1_735_689_600L;
    for (int i = 0; i < n; i++) {
      ts[i] = t0 + 60L * i;
      open[i] = price;
      double c = price * Math.exp(vol * gaussian(random));
      double wick = price * vol * Math.abs(gaussian(random)) * 0.5;
      close[i] = c;
      high[i] = Math.max(price, c) + wick;
      low[i] = Math.min(price, c) - wick * 0.9;
      volume[i] = 1 + random.nextDouble() * 10;
      price = c;
    }
    return Candles.of(60, ts, open, high, low, close, volume);
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
