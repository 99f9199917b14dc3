package io.aviary.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.aviary.strategy.SyntheticCandles;
import io.aviary.strategy.Ta4jSeries;
import io.aviary.strategy.market.Candles;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.EMAIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendIndicator;

/** Every indicator equals ta4j 0.22.2 (DoubleNum) on 3,000 random-walk candles, warm-up NaNs included. */
class IndicatorsAgainstTa4jTest {
  private static final int N = 3_000;
  private static final Candles C = SyntheticCandles.randomWalk(N, 30_000, 0.002, 42);
  private static final BarSeries SERIES = Ta4jSeries.of(C);
  private static final ClosePriceIndicator CLOSE = new ClosePriceIndicator(SERIES);

  @Test
  void sma() {
    double[] mine = Sma.of(C.close(), N, 20);
    // ta4j averages a partial window before 20 values; pandas-ta (Hummingbot) and Aviary give NaN there
    for (int i = 0; i < 19; i++) {
      assertTrue(Double.isNaN(mine[i]), "warm-up at " + i);
    }
    assertSame("SMA(20)", fromIndex(19, Ta4jSeries.values(new SMAIndicator(CLOSE, 20), N)), mine, 1e-12);
  }

  @Test
  void ema() {
    assertSame("EMA(20)", Ta4jSeries.values(new EMAIndicator(CLOSE, 20), N), Ema.of(C.close(), N, 20), 0);
  }

  @Test
  void bollingerPercentBAndBands() {
    int length = 100;
    double k = 2.0;
    Bollinger bb = Bollinger.of(C.close(), N, length, k);
    double[] sma = fromIndex(length - 1, Ta4jSeries.values(new SMAIndicator(CLOSE, length), N));
    double[] sd = fromIndex(length - 1, Ta4jSeries.values(new StandardDeviationIndicator(CLOSE, length), N));
    double[] upper = new double[N];
    double[] lower = new double[N];
    for (int i = 0; i < N; i++) {
      upper[i] = sma[i] + k * sd[i];
      lower[i] = sma[i] - k * sd[i];
    }
    assertSame("BB middle", sma, bb.middle(), 1e-9);
    assertSame("BB upper", upper, bb.upper(), 1e-9);
    assertSame("BB lower", lower, bb.lower(), 1e-9);
    assertSame("%B", fromIndex(length - 1, Ta4jSeries.values(new PercentBIndicator(CLOSE, length, k), N)),
        bb.percentB(), 1e-9);
  }

  @Test
  void macd() {
    MACDIndicator macd = new MACDIndicator(CLOSE, 12, 26);
    Macd mine = Macd.of(C.close(), N, 12, 26, 9);
    assertSame("MACD", Ta4jSeries.values(macd, N), mine.macd(), 1e-9);
    assertSame("MACD signal", Ta4jSeries.values(macd.getSignalLine(9), N), mine.signal(), 1e-9);
    assertSame("MACD histogram", Ta4jSeries.values(macd.getHistogram(9), N), mine.histogram(), 1e-9);
  }

  @Test
  void rsi() {
    assertSame("RSI(14)", Ta4jSeries.values(new RSIIndicator(CLOSE, 14), N), Rsi.of(C.close(), N, 14), 1e-9);
  }

  @Test
  void atrAndNatr() {
    double[] atr = Ta4jSeries.values(new ATRIndicator(SERIES, 14), N);
    assertSame("ATR(14)", atr, Atr.of(C.high(), C.low(), C.close(), N, 14), 1e-9);
    double[] natr = new double[N];
    for (int i = 0; i < N; i++) {
      natr[i] = atr[i] / C.close()[i] * 100;
    }
    assertSame("NATR(14)", natr, Atr.normalized(C.high(), C.low(), C.close(), N, 14), 1e-12);
    RollingNatr rolling = new RollingNatr(14);
    double[] streamed = new double[N];
    for (int i = 0; i < N; i++) {
      streamed[i] = rolling.update(C.high()[i], C.low()[i], C.close()[i]) * 100;
    }
    assertSame("streamed NATR(14)", natr, streamed, 1e-9);
  }

  @Test
  void rollingZScoreEqualsTheWindowsMeanAndSampleStd() {
    int window = 50;
    double[] sd = Ta4jSeries.values(new StandardDeviationIndicator(CLOSE, window), N); // population σ
    double[] sma = Ta4jSeries.values(new SMAIndicator(CLOSE, window), N);
    RollingZScore z = new RollingZScore(window);
    for (int i = 0; i < N; i++) {
      double mine = z.update(C.close()[i]);
      if (i >= window - 1) {
        double sample = sd[i] * Math.sqrt(window / (window - 1.0));
        assertEquals((C.close()[i] - sma[i]) / sample, mine, 1e-6, "z-score at " + i);
      }
    }
  }

  @Test
  void superTrend() {
    SuperTrendIndicator st = new SuperTrendIndicator(SERIES, 10, 3.0);
    SuperTrend mine = SuperTrend.of(C.high(), C.low(), C.close(), N, 10, 3.0);
    assertSame("SuperTrend", Ta4jSeries.values(st, N), mine.value(), 1e-9);
    int flips = 0;
    for (int i = 11; i < N; i++) {
      assertEquals(st.isUpTrend(i), mine.direction()[i] == 1, "direction at " + i);
      flips += mine.direction()[i] != mine.direction()[i - 1] ? 1 : 0;
    }
    assertTrue(flips > 10, "the fixture should change trend several times, saw " + flips);
  }

  @Test
  void valuesAreCausalAPrefixGivesTheSameValues() {
    int prefix = 1_234;
    double[] full = Bollinger.percentB(C.close(), N, 100, 2);
    double[] part = Bollinger.percentB(C.close(), prefix, 100, 2);
    double[] st = SuperTrend.of(C.high(), C.low(), C.close(), N, 10, 3).value();
    double[] stPart = SuperTrend.of(C.high(), C.low(), C.close(), prefix, 10, 3).value();
    for (int i = 0; i < prefix; i++) {
      assertEquals(full[i], part[i], 0, "%B at " + i);
      assertEquals(st[i], stPart[i], 0, "SuperTrend at " + i);
    }
  }

  /** The values with the partial-window warm-up before {@code from} replaced by NaN. */
  private static double[] fromIndex(int from, double[] values) {
    java.util.Arrays.fill(values, 0, from, Double.NaN);
    return values;
  }

  /** Same NaN positions; finite values within {@code relTol} relative (absolute below 1). */
  private static void assertSame(String name, double[] expected, double[] actual, double relTol) {
    int finite = 0;
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double a = actual[i];
      if (Double.isNaN(e) || Double.isNaN(a)) {
        if (Double.isNaN(e) != Double.isNaN(a)) {
          fail(name + " at " + i + ": ta4j " + e + " vs " + a);
        }
        continue;
      }
      finite++;
      double tol = relTol * Math.max(1, Math.abs(e));
      if (Math.abs(e - a) > tol) {
        fail(name + " at " + i + ": ta4j " + e + " vs " + a + " (tolerance " + tol + ")");
      }
    }
    assertTrue(finite > expected.length / 2, name + ": too few finite values compared: " + finite);
  }
}
