package io.aviary.strategy.bench;

import io.aviary.strategy.SyntheticCandles;
import io.aviary.strategy.Ta4jSeries;
import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.backtest.BacktestData;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.controller.BollingerV1Controller;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.market.Candles;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Rule;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.OpenedPositionMinimumBarCountRule;
import org.ta4j.core.rules.StopGainRule;
import org.ta4j.core.rules.StopLossRule;
import org.ta4j.core.rules.UnderIndicatorRule;

/**
 * One year of 1m candles (525,600, random walk), bollinger_v1 (bb_length 100, bb_std 2, long below %B 0) with
 * triple-barrier position executors (stop loss 3 %, take profit 2 %, time limit 45 min), against ta4j 0.22.2
 * DoubleNum running the same rules through {@code BarSeriesManager}: enter when %B(100, 2) < 0, exit on
 * StopLossRule(3 %) or StopGainRule(2 %) or after 45 bars. Both sides build their indicators inside the measured
 * call (ta4j caches indicator values per instance); the candles / bar series are built once in setup.
 * Run as in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class BollingerBacktestBenchmark {
  public static final int CANDLES = 525_600;
  private static final TripleBarrierConfig BARRIERS =
      TripleBarrierConfig.of(0.03, 0.02, 2700L, null, OrderType.MARKET, OrderType.MARKET);

  private Candles candles;
  /** The same year as 3m candles: the controller's interval in {@link #aviaryBollingerLongOnlyThreeMinute}. */
  private Candles threeMinute;
  private BarSeries series;
  private BacktestEngine engine;

  @Setup(Level.Trial)
  public void setUp() {
    candles = SyntheticCandles.randomWalk(CANDLES, 30_000, 0.001, 2026);
    threeMinute = threeMinute(candles);
    series = Ta4jSeries.of(candles);
    engine = new BacktestEngine(new BacktestSettings(0.0006, 0, 1000));
  }

  /** Long only, one position at a time, no cooldown: the rules ta4j runs. */
  static TestConfigs.Bollinger longOnly() {
    return new TestConfigs.Bollinger("bb1", "bollinger_v1", "directional_trading", "sim", "BTC-USDT",
        BigDecimal.valueOf(1000), 1, 0, 1, BARRIERS, 100, 2.0, 0.0, Double.POSITIVE_INFINITY);
  }

  /** Hummingbot's defaults: both sides, two executors per side, 300 s cooldown. */
  static TestConfigs.Bollinger bothSides() {
    return new TestConfigs.Bollinger("bb1", "bollinger_v1", "directional_trading", "sim", "BTC-USDT",
        BigDecimal.valueOf(1000), 2, 300, 1, BARRIERS, 100, 2.0, 0.0, 1.0);
  }

  @Benchmark
  public double aviaryBollingerLongOnly() {
    return engine.run(new BollingerV1Controller(longOnly()), candles).results().netPnlQuote();
  }

  @Benchmark
  public double aviaryBollingerBothSides() {
    return engine.run(new BollingerV1Controller(bothSides()), candles).results().netPnlQuote();
  }

  /**
   * Long only with the controller on 3m candles (its config's {@code interval}) while the engine steps and fills on
   * the 1m ones: the cost of the closed-candle cursor.
   */
  @Benchmark
  public double aviaryBollingerLongOnlyThreeMinute() {
    return engine.run(new BollingerV1Controller(longOnly()),
        BacktestData.of(candles).withControllerCandles(threeMinute), i -> false, false).results().netPnlQuote();
  }

  /** 3m candles of whole 1m triples (the random walk starts at 2025-01-01, a multiple of 180 s): first open, max, min, last. */
  static Candles threeMinute(Candles m) {
    int n = m.size() / 3;
    long[] ts = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      int i = 3 * k;
      ts[k] = m.timestamp()[i];
      o[k] = m.open()[i];
      h[k] = Math.max(m.high()[i], Math.max(m.high()[i + 1], m.high()[i + 2]));
      l[k] = Math.min(m.low()[i], Math.min(m.low()[i + 1], m.low()[i + 2]));
      c[k] = m.close()[i + 2];
      v[k] = m.volume()[i] + m.volume()[i + 1] + m.volume()[i + 2];
    }
    return Candles.of(3 * m.intervalSeconds(), ts, o, h, l, c, v);
  }

  @Benchmark
  public int ta4jBollingerLongOnly() {
    return runTa4j(series).getPositionCount();
  }

  static TradingRecord runTa4j(BarSeries series) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    Rule entry = new UnderIndicatorRule(new PercentBIndicator(close, 100, 2.0), 0);
    Rule exit = new StopLossRule(close, 3).or(new StopGainRule(close, 2))
        .or(new OpenedPositionMinimumBarCountRule(45));
    return new BarSeriesManager(series).run(new BaseStrategy(entry, exit));
  }
}
