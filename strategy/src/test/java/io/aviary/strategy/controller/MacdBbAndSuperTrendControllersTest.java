package io.aviary.strategy.controller;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.SyntheticCandles;
import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.indicator.Bollinger;
import io.aviary.strategy.indicator.Macd;
import io.aviary.strategy.indicator.SuperTrend;
import io.aviary.strategy.market.Candles;
import org.junit.jupiter.api.Test;

/** Every entry of a backtest matches the batch (ta4j-checked) indicators at its own signal candle. */
class MacdBbAndSuperTrendControllersTest {
  private static final Candles CANDLES = SyntheticCandles.randomWalk(40_000, 30_000, 0.002, 11);
  private static final TripleBarrierConfig BARRIERS =
      TripleBarrierConfig.of(0.03, 0.02, 2700L, null, OrderType.MARKET, OrderType.LIMIT);
  private static final BacktestEngine ENGINE = new BacktestEngine(new BacktestSettings(0.0006, 0, 1000));

  private static int signalCandle(ExecutorInfo e) {
    return (int) ((e.timestamp() - 60 - CANDLES.timestamp()[0]) / 60);
  }

  @Test
  void macdBbEntersOnlyWhenPercentBAndTheMacdAgree() {
    var config = TestConfigs.MacdBb.of(BARRIERS);
    BacktestResult r = ENGINE.run(new MacdBbV1Controller(config), CANDLES);
    int n = CANDLES.size();
    double[] pctB = Bollinger.percentB(CANDLES.close(), n, 100, 2.0);
    Macd macd = Macd.of(CANDLES.close(), n, 21, 42, 9);
    for (ExecutorInfo e : r.executors()) {
      int i = signalCandle(e);
      boolean ok = e.side() == TradeType.BUY
          ? pctB[i] < 0 && macd.histogram()[i] > 0 && macd.macd()[i] < 0
          : pctB[i] > 1 && macd.histogram()[i] < 0 && macd.macd()[i] > 0;
      assertTrue(ok, "entry at candle " + i);
    }
    assertTrue(r.results().totalExecutors() > 5, "fixture should trade: " + r.results().totalExecutors());
  }

  @Test
  void superTrendEntersWithTheTrendNearTheLine() {
    var config = TestConfigs.SuperTrendCfg.of(BARRIERS);
    BacktestResult r = ENGINE.run(new SuperTrendV1Controller(config), CANDLES);
    SuperTrend st = SuperTrend.of(CANDLES.high(), CANDLES.low(), CANDLES.close(), CANDLES.size(), 20, 4.0);
    int longs = 0;
    int shorts = 0;
    for (ExecutorInfo e : r.executors()) {
      int i = signalCandle(e);
      double close = CANDLES.close()[i];
      assertTrue(Math.abs(close - st.value()[i]) / close < 0.01, "near the line at " + i);
      assertTrue(st.direction()[i] == (e.side() == TradeType.BUY ? 1 : -1), "with the trend at " + i);
      longs += e.side() == TradeType.BUY ? 1 : 0;
      shorts += e.side() == TradeType.SELL ? 1 : 0;
    }
    assertTrue(longs > 5 && shorts > 5, "fixture should trade both ways: " + longs + "/" + shorts);
  }
}
