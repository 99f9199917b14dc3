package io.aviary.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.SyntheticCandles;
import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.controller.BollingerV1Controller;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.market.Candles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A backtest cut at candle K must agree with the full one on everything decided up to K: a decision or fill that
 * used candles far ahead would change when the future is cut away. (A uniform one-candle peek keeps this
 * invariant; the fixture tests catch that one: a controller sees exactly the closed candles, entries fill at the
 * next open, and every bollinger entry matches %B of its own signal candle.)
 */
class NoLookAheadTest {

  @Test
  void aRunOverAPrefixMatchesTheFullRunUpToTheCut() {
    Candles full = SyntheticCandles.randomWalk(30_000, 30_000, 0.002, 99);
    int cut = 17_777;
    var config = TestConfigs.Bollinger.of(50, 0.0, 1.0,
        TripleBarrierConfig.of(0.01, 0.008, 1800L, null, OrderType.MARKET, OrderType.LIMIT), 120);
    BacktestEngine engine = new BacktestEngine(new BacktestSettings(0.0006, 0.0002, 1000));
    BacktestResult whole = engine.run(new BollingerV1Controller(config), full);
    BacktestResult prefix = engine.run(new BollingerV1Controller(config), full.prefix(cut));

    for (int i = 0; i < cut; i++) {
      assertEquals(whole.pnlTimeseries().totalPnl()[i], prefix.pnlTimeseries().totalPnl()[i], "pnl at " + i);
      assertEquals(whole.pnlTimeseries().activeExecutors()[i], prefix.pnlTimeseries().activeExecutors()[i]);
    }
    List<ExecutorInfo> a = whole.executors();
    List<ExecutorInfo> b = prefix.executors();
    assertTrue(b.size() > 50, "the fixture should trade: " + b.size());
    for (int k = 0; k < b.size(); k++) {
      ExecutorInfo p = b.get(k);
      ExecutorInfo w = a.get(k);
      assertEquals(p.id(), w.id());
      assertEquals(p.timestamp(), w.timestamp());
      assertEquals(p.side(), w.side());
      if (p.isDone()) {
        assertEquals(p.closeType(), w.closeType(), p.id());
        assertEquals(p.closeTimestamp(), w.closeTimestamp(), p.id());
        assertEquals(p.netPnlQuote(), w.netPnlQuote(), 0, p.id());
      }
    }
  }
}
