package io.aviary.strategy.bench;

import io.aviary.strategy.SyntheticCandles;
import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.controller.PmmSimpleController;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.market.Candles;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * pmm_simple (Hummingbot's market-making defaults: spreads 1 % and 2 % each side, refresh 300 s, cooldown 15 s,
 * stop loss 3 %, take profit 2 % LIMIT, time limit 2,700 s) over one and two months of 1m candles: the time per
 * candle should not grow with the number of executors created so far.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class PmmSimpleBacktestBenchmark {
  @Param({"44640", "89280"})
  public int candles;

  private Candles data;
  private BacktestEngine engine;
  private TestConfigs.Pmm config;

  @Setup(Level.Trial)
  public void setUp() {
    data = SyntheticCandles.randomWalk(candles, 30_000, 0.001, 2026);
    engine = new BacktestEngine(new BacktestSettings(0.0006, 0, 1000));
    config = TestConfigs.Pmm.of(List.of(0.01, 0.02), List.of(0.01, 0.02), 300, 15,
        TripleBarrierConfig.of(0.03, 0.02, 2700L, null, OrderType.LIMIT, OrderType.LIMIT));
  }

  @Benchmark
  public int pmmSimple() {
    return engine.run(new PmmSimpleController(config), data).results().totalExecutors();
  }
}
