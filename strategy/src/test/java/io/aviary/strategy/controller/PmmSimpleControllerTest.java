package io.aviary.strategy.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PmmSimpleControllerTest {
  private static final TripleBarrierConfig BARRIERS =
      TripleBarrierConfig.of(0.05, 0.02, null, null, OrderType.LIMIT, OrderType.MARKET);
  private static final BacktestEngine ENGINE = new BacktestEngine(new BacktestSettings(0, 0, 1000));

  private static double[][] flat(int n) {
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new double[] {100, 100.5, 99.5, 100};
    }
    return rows;
  }

  @Test
  void levelsArePricedAroundTheMidSizedByShareAndRefreshedWhenIdle() {
    var config = TestConfigs.Pmm.of(List.of(0.01), List.of(0.02), 180, 300, BARRIERS);
    BacktestResult r = ENGINE.run(new PmmSimpleController(config), TestConfigs.candles(flat(8)));
    List<ExecutorInfo> all = r.executors();
    assertEquals(4, all.size());
    var buy = (PositionExecutorConfig) all.get(0).config();
    var sell = (PositionExecutorConfig) all.get(1).config();
    assertEquals("buy_0", buy.levelId());
    assertEquals(TradeType.BUY, buy.side());
    assertEquals(99, buy.entryPrice(), 1e-12);
    assertEquals(500 / 99.0, buy.amount(), 1e-12);
    assertEquals("sell_0", sell.levelId());
    assertEquals(102, sell.entryPrice(), 1e-12);
    assertEquals(500 / 102.0, sell.amount(), 1e-12);
    // created at 60; older than 180 s at the step of 300 -> stopped there, re-created on the next step (360)
    assertEquals(CloseType.EARLY_STOP, all.get(0).closeType());
    assertEquals(300, all.get(0).closeTimestamp());
    assertEquals(360, all.get(2).timestamp());
    assertEquals(Map.of("EARLY_STOP", 2), r.results().closeTypes());
  }

  @Test
  void aLevelRestsForTheCooldownAfterAStopLoss() {
    double[][] rows = new double[10][];
    rows[0] = new double[] {100, 100.5, 99.5, 100};
    rows[1] = new double[] {100, 100.2, 98.9, 99.5};
    rows[2] = new double[] {99.5, 99.5, 93, 94};
    for (int i = 3; i < 10; i++) {
      rows[i] = new double[] {94, 94.5, 93.5, 94};
    }
    var config = TestConfigs.Pmm.of(List.of(0.01), List.of(0.02), 180, 300, BARRIERS);
    BacktestResult r = ENGINE.run(new PmmSimpleController(config), TestConfigs.candles(rows));
    List<ExecutorInfo> buys = r.executors().stream().filter(e -> "buy_0".equals(e.levelId())).toList();
    // buy limit 99 fills in candle 1, candle 2's low 93 stops it, the close fills at candle 3's open (t = 180);
    // the level rests 300 s: re-created at the first step with now - 180 >= 300, i.e. 480
    assertEquals(CloseType.STOP_LOSS, buys.get(0).closeType());
    assertEquals(180, buys.get(0).closeTimestamp());
    assertEquals((94 - 99) * 500 / 99.0, buys.get(0).netPnlQuote(), 1e-9);
    assertEquals(2, buys.size());
    assertEquals(480, buys.get(1).timestamp());
  }
}
