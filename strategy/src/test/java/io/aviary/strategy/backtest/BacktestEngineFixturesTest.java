package io.aviary.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.controller.ControllerConfig;
import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.ExecutorState;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TrailingStop;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed 10-candle fixtures: exact fills, PnL, fees, close types and §4.3 metrics. */
class BacktestEngineFixturesTest {
  private static final double FEE = 0.001;
  private static final BacktestEngine ENGINE = new BacktestEngine(new BacktestSettings(FEE, 0, 1000));

  /** Emits one Create at step {@code atStep} and checks it never sees an unclosed candle. */
  static final class OneShot implements Controller {
    private final TradeType side;
    private final double entryPrice;
    private final TripleBarrierConfig barriers;
    private final int atStep;
    private int step;

    OneShot(TradeType side, double entryPrice, TripleBarrierConfig barriers, int atStep) {
      this.side = side;
      this.entryPrice = entryPrice;
      this.barriers = barriers;
      this.atStep = atStep;
    }

    @Override
    public ControllerConfig config() {
      return TestConfigs.Plain.of(1000);
    }

    @Override
    public List<ExecutorAction> determineActions(
        MarketView market, List<? extends ExecutorInfo> active, List<? extends ExecutorInfo> closed) {
      Candles c = market.candles();
      assertEquals(step + 1, c.size(), "sees exactly the candles closed so far");
      assertEquals(c.closeTime(c.lastIndex()), market.now());
      if (step++ != atStep) {
        return List.of();
      }
      return List.of(new ExecutorAction.Create("c1", new PositionExecutorConfig(null, market.now(), "c1", "sim",
          "BTC-USDT", side, entryPrice, 1.0, barriers, 1, null)));
    }
  }

  private static TripleBarrierConfig barriers(Double sl, Double tp, Long tl, TrailingStop ts, OrderType open,
      OrderType tpType) {
    return TripleBarrierConfig.of(sl, tp, tl, ts, open, tpType);
  }

  /** A 10-candle rise: the signal candle closes at 99, the market entry fills at the next open, 100. */
  private static final Candles RISE = TestConfigs.candles(
      new double[] {99, 99, 99, 99},
      new double[] {100, 101, 99, 100},
      new double[] {100, 103, 100, 102},
      new double[] {102, 106, 101, 104},
      new double[] {104, 107, 104, 105.5},
      new double[] {106, 106, 105, 105},
      new double[] {105, 105, 104, 104},
      new double[] {104, 104, 103, 103},
      new double[] {103, 104, 103, 104},
      new double[] {104, 104, 104, 104});

  @Test
  void marketTakeProfitHitsAtAKnownCandleWithExactPnlFeesAndMetrics() {
    BacktestResult r = ENGINE.run(new OneShot(TradeType.BUY, 99,
        barriers(0.10, 0.05, null, null, OrderType.MARKET, OrderType.MARKET), 0), RISE);
    ExecutorInfo e = r.executors().getFirst();
    // step 4 closes at 105.5: net pct (5.5 - 0.1) / 100 = 0.054 >= 0.05 -> MARKET close fills at candle 5's open, 106
    assertEquals(CloseType.TAKE_PROFIT, e.closeType());
    assertEquals(ExecutorState.TERMINATED, e.state());
    assertEquals(300, e.closeTimestamp(), "close fill at candle 5's open time");
    assertEquals(0.1 + 0.106, e.cumFeesQuote(), 1e-12);
    assertEquals(6 - 0.206, e.netPnlQuote(), 1e-12);
    assertEquals((6 - 0.206) / 100, e.netPnlPct(), 1e-12);
    assertEquals(206, e.filledAmountQuote(), 1e-12);

    BacktestResults m = r.results();
    assertEquals(5.794, m.netPnlQuote(), 1e-12);
    assertEquals(0.005794, m.netPnl(), 1e-15);
    assertEquals(1, m.totalExecutors());
    assertEquals(1, m.totalExecutorsWithPosition());
    assertEquals(206, m.totalVolume(), 1e-12);
    assertEquals(1, m.totalLong());
    assertEquals(0, m.totalShort());
    assertEquals(Map.of("TAKE_PROFIT", 1), m.closeTypes());
    assertEquals(1.0, m.accuracy());
    assertEquals(1.0, m.accuracyLong());
    assertEquals(0.0, m.accuracyShort());
    assertEquals(1.0, m.profitFactor(), "no losses -> 1");
    assertEquals(1, m.winSignals());
    assertEquals(0, m.lossSignals());
    assertEquals(0.0, m.maxDrawdownUsd());
    assertEquals(0.206, m.totalFeesQuote(), 1e-12);
    // realized series: 0 for candles 0..4, 5.794 from candle 5 on -> mean/std(ddof=1) = sqrt(0.9)
    assertEquals(Math.sqrt(0.9), m.sharpeRatio(), 1e-12);
    PnlTimeseries s = r.pnlTimeseries();
    assertEquals(10, s.size());
    assertEquals(0, s.totalPnl()[4]);
    assertEquals(5.794, s.totalPnl()[5], 1e-12);
    assertEquals(1, s.activeExecutors()[4]);
    assertEquals(0, s.activeExecutors()[5]);
    assertEquals(60, s.timestamp()[0], "points are stamped with the candle's close time");
  }

  @Test
  void limitTakeProfitRestsAndFillsAtItsPriceWhenAHighReachesIt() {
    BacktestResult r = ENGINE.run(new OneShot(TradeType.BUY, 99,
        barriers(0.10, 0.03, null, null, OrderType.MARKET, OrderType.LIMIT), 0), RISE);
    ExecutorInfo e = r.executors().getFirst();
    // open fills at 100 (candle 1); TP SELL limit placed at 103 at candle 1's close; candle 2's high 103 reaches it
    assertEquals(CloseType.TAKE_PROFIT, e.closeType());
    assertEquals(180, e.closeTimestamp(), "limit fill at candle 2's close time");
    assertEquals(3 - 0.1 - 0.103, e.netPnlQuote(), 1e-12);
    assertEquals(203, e.filledAmountQuote(), 1e-12);
  }

  @Test
  void stopLossSeesTheCandleLowAndClosesAtTheNextOpen() {
    Candles dip = TestConfigs.candles(
        new double[] {100, 100, 100, 100},
        new double[] {100, 100, 99, 99.5},
        new double[] {99.5, 99.6, 96.5, 99},
        new double[] {98, 98, 97, 97.5},
        new double[] {97.5, 98, 97, 98});
    BacktestResult r = ENGINE.run(new OneShot(TradeType.BUY, 100,
        barriers(0.03, 0.05, null, null, OrderType.MARKET, OrderType.MARKET), 0), dip);
    ExecutorInfo e = r.executors().getFirst();
    // candle 2's low 96.5: (96.5 - 100 - 0.1) / 100 = -0.036 <= -0.03 although it closed at 99; exit at open 98
    assertEquals(CloseType.STOP_LOSS, e.closeType());
    assertEquals(180, e.closeTimestamp());
    assertEquals(-2 - 0.1 - 0.098, e.netPnlQuote(), 1e-12);
    BacktestResults m = r.results();
    assertEquals(0.0, m.accuracy());
    assertEquals(1, m.lossSignals());
    assertEquals(0.0, m.profitFactor(), "no wins over losses");
    assertEquals(-2.198, m.maxDrawdownUsd(), 1e-12);
    assertEquals(-0.002198, m.maxDrawdownPct(), 1e-15);
  }

  @Test
  void shortTrailingStopRatchetsAndFiresOnTheRebound() {
    Candles fallThenRebound = TestConfigs.candles(
        new double[] {100, 100, 100, 100},
        new double[] {100, 100, 98, 98},
        new double[] {98, 98, 95, 95},
        new double[] {95, 96, 94, 96},
        new double[] {97, 97, 96, 96.5},
        new double[] {96.5, 97, 96, 97});
    // activation 0.02, delta 0.01: candle 2 close 95 -> pct (5 - 0.1)/100 = 0.049 activates, trigger 0.039;
    // candle 3 close 96 -> 0.039 not < 0.039; candle 4 close 96.5 -> 0.034 < 0.039 -> close at open 96.5
    BacktestResult r = ENGINE.run(new OneShot(TradeType.SELL, 100,
        barriers(0.10, 0.20, null, new TrailingStop(0.02, 0.01), OrderType.MARKET, OrderType.MARKET), 0),
        fallThenRebound);
    ExecutorInfo e = r.executors().getFirst();
    assertEquals(CloseType.TRAILING_STOP, e.closeType());
    assertEquals(300, e.closeTimestamp());
    assertEquals(3.5 - 0.1 - 0.0965, e.netPnlQuote(), 1e-12);
    assertEquals(0, r.results().totalLong());
    assertEquals(1, r.results().totalShort());
    assertEquals(1.0, r.results().accuracyShort());
  }

  @Test
  void unfilledLimitEntryEndsByTimeLimitWithZeroPnl() {
    BacktestResult r = ENGINE.run(new OneShot(TradeType.BUY, 90,
        barriers(0.10, 0.05, 180L, null, OrderType.LIMIT, OrderType.MARKET), 0), RISE);
    ExecutorInfo e = r.executors().getFirst();
    // created at candle 0's close (60); expires at 240 = candle 3's close; 90 is never reached
    assertEquals(CloseType.TIME_LIMIT, e.closeType());
    assertEquals(240, e.closeTimestamp());
    assertEquals(0, e.netPnlQuote());
    assertEquals(0, e.cumFeesQuote());
    assertEquals(0, r.results().totalExecutorsWithPosition());
    assertEquals(Map.of("TIME_LIMIT", 1), r.results().closeTypes());
    assertTrue(r.results().accuracy() == 0 && r.results().totalVolume() == 0);
  }

  @Test
  void limitEntryFillsAtItsPriceWhenALaterLowReachesIt() {
    Candles pullback = TestConfigs.candles(
        new double[] {101, 101, 101, 101},
        new double[] {101, 101.5, 100.5, 101},
        new double[] {101, 101, 99.5, 100.5},
        new double[] {100.5, 101, 100, 100.8});
    BacktestResult r = ENGINE.run(new OneShot(TradeType.BUY, 100,
        barriers(0.10, 0.05, 240L, null, OrderType.LIMIT, OrderType.MARKET), 0), pullback);
    PositionExecutorConfig config = (PositionExecutorConfig) r.executors().getFirst().config();
    assertEquals(100, config.entryPrice());
    var e = (io.aviary.strategy.executor.PositionExecutor) r.executors().getFirst();
    // candle 1's low 100.5 does not reach 100; candle 2's low 99.5 does: filled at 100, not at the low or close
    assertEquals(100, e.entryPrice(), 1e-12);
    assertEquals(1.0, e.openFilledAmount());
    assertEquals(0.1, e.cumFeesQuote(), 1e-12);
    assertEquals(0.8 - 0.1, e.netPnlQuote(), 1e-12, "still running, marked at the last close 100.8");
    assertEquals(ExecutorState.RUNNING, e.state());
  }

  @Test
  void slippageWorsensMarketFills() {
    BacktestEngine slipping = new BacktestEngine(new BacktestSettings(FEE, 0.001, 1000));
    BacktestResult r = slipping.run(new OneShot(TradeType.BUY, 99,
        barriers(0.10, 0.05, null, null, OrderType.MARKET, OrderType.MARKET), 0), RISE);
    ExecutorInfo e = r.executors().getFirst();
    double entry = 100 * 1.001;
    double exit = 106 * 0.999;
    assertEquals(exit - entry - (entry + exit) * FEE, e.netPnlQuote(), 1e-9);
  }
}
