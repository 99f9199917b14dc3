package io.aviary.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.controller.ControllerConfig;
import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.DCAExecutor;
import io.aviary.strategy.executor.DCAExecutorConfig;
import io.aviary.strategy.executor.DCAMode;
import io.aviary.strategy.executor.ExecutionStrategy;
import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.ExecutorState;
import io.aviary.strategy.executor.GridExecutor;
import io.aviary.strategy.executor.GridExecutorConfig;
import io.aviary.strategy.executor.OrderExecutorConfig;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.PositionAction;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.executor.TwapExecutorConfig;
import io.aviary.strategy.executor.TwapMode;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** Hand-computed fixtures of the order, DCA, grid and TWAP executors run by the backtest engine. */
class ExecutorFixturesTest {
  private static final double FEE = 0.001;
  private static final BacktestEngine ENGINE = new BacktestEngine(new BacktestSettings(FEE, 0, 1000));

  /** Creates one executor (config made at the step's time) at step 0. */
  record OneConfig(LongFunction<ExecutorConfig> make) implements Controller {
    @Override
    public ControllerConfig config() {
      return TestConfigs.Plain.of(1000);
    }

    @Override
    public List<ExecutorAction> determineActions(
        MarketView market, List<? extends ExecutorInfo> active, List<? extends ExecutorInfo> closed) {
      return market.candles().size() == 1
          ? List.of(new ExecutorAction.Create("c1", make.apply(market.now()))) : List.of();
    }
  }

  @Test
  void dcaMakerFillsLevelByLevelAndTakesProfitOnTheAverageEntry() {
    Candles candles = TestConfigs.candles(
        new double[] {101, 101, 100.5, 101},
        new double[] {101, 101, 99.5, 100},
        new double[] {100, 100, 97, 98.5},
        new double[] {98.5, 101, 98.5, 100.8},
        new double[] {101, 101.5, 100.5, 101});
    BacktestResult r = ENGINE.run(new OneConfig(now -> new DCAExecutorConfig(null, now, "c1", "sim", "BTC-USDT",
        TradeType.BUY, 1, List.of(100.0, 98.0), List.of(100.0, 98.0), 0.015, 0.05, null, null, DCAMode.MAKER, null,
        null)), candles);
    DCAExecutor e = (DCAExecutor) r.executors().getFirst();
    // level 0 (1 @ 100) rests from candle 0's close, fills on candle 1 (low 99.5); level 1 (1 @ 98) is placed then
    // and fills on candle 2 (low 97). Average 99. Candle 2: low 97 -> (194 - 198 - 0.198)/198 = -2.1 % > -5 %.
    // Candle 3 closes 100.8: (201.6 - 198 - 0.198)/198 = 1.718 % > 1.5 % -> MARKET close at candle 4's open 101.
    assertEquals(2, e.filledLevels());
    assertEquals(99, e.currentPositionAveragePrice(), 1e-12);
    assertEquals(CloseType.TAKE_PROFIT, e.closeType());
    assertEquals(240, e.closeTimestamp());
    assertEquals(0.1 + 0.098 + 0.202, e.cumFeesQuote(), 1e-12);
    assertEquals((101 - 99) / 99.0 * 198 - 0.4, e.netPnlQuote(), 1e-12);
    assertEquals(((101 - 99) / 99.0 * 198 - 0.4) / 198, e.netPnlPct(), 1e-12);
    assertEquals(198 + 202, e.filledAmountQuote(), 1e-12);
    assertEquals(3.6, r.results().netPnlQuote(), 1e-12);
    assertEquals(Map.of("TAKE_PROFIT", 1), r.results().closeTypes());
  }

  @Test
  void dcaMakerStopLossWaitsForTheLastLevel() {
    Candles candles = TestConfigs.candles(
        new double[] {100, 100, 100, 100},
        new double[] {100, 100, 99, 99},
        new double[] {99, 99, 90, 91},
        new double[] {91, 92, 90, 90},
        new double[] {90, 90, 90, 90});
    BacktestResult r = ENGINE.run(new OneConfig(now -> new DCAExecutorConfig(null, now, "c1", "sim", "BTC-USDT",
        TradeType.BUY, 1, List.of(100.0, 80.0), List.of(100.0, 80.0), null, 0.03, null, null, DCAMode.MAKER, null,
        null)), candles);
    DCAExecutor e = (DCAExecutor) r.executors().getFirst();
    // level 0 filled at 100; the price falls 10 % but level 1 (80) never fills: no stop loss in MAKER mode
    assertEquals(1, e.filledLevels());
    assertEquals(ExecutorState.RUNNING, e.state());
    assertEquals((90 - 100) - 0.1, e.netPnlQuote(), 1e-12, "marked at the last close");
  }

  @Test
  void dcaTakerStopsAtTheMaximumLossInQuote() {
    Candles candles = TestConfigs.candles(
        new double[] {100, 100, 100, 100},
        new double[] {100, 100, 99, 99.5},
        new double[] {99.5, 99.5, 96, 97},
        new double[] {97.5, 98, 97, 97.5});
    // TAKER, levels 100 and 90 (100 quote each), bounds [0.01, 0.01]: level 0 market at mid 100 fills at candle 1's
    // open 100 (1 base); max loss 200 · 0.015 = 3 quote; candle 2 low 96: (96 - 100) - 0.1 = -4.1 <= -3
    BacktestResult r = ENGINE.run(new OneConfig(now -> new DCAExecutorConfig(null, now, "c1", "sim", "BTC-USDT",
        TradeType.BUY, 1, List.of(100.0, 100.0), List.of(100.0, 90.0), null, 0.015, null, null, DCAMode.TAKER,
        List.of(0.01, 0.01), null)), candles);
    DCAExecutor e = (DCAExecutor) r.executors().getFirst();
    assertEquals(CloseType.STOP_LOSS, e.closeType());
    assertEquals(180, e.closeTimestamp(), "closed at candle 3's open");
    assertEquals(97.5 - 100 - 0.1 - 0.0975, e.netPnlQuote(), 1e-12);
  }

  @Test
  void filledLimitOrderExecutorBecomesAPositionHold() {
    Candles candles = TestConfigs.candles(
        new double[] {100, 100, 100, 100},
        new double[] {100, 100, 99.5, 99.8},
        new double[] {99.5, 99.6, 98.9, 99.2},
        new double[] {99.2, 101, 99.2, 101});
    BacktestResult r = ENGINE.run(new OneConfig(now -> new OrderExecutorConfig(null, now, "c1", "sim", "BTC-USDT",
        TradeType.BUY, 2, PositionAction.OPEN, 99, ExecutionStrategy.LIMIT, null, 1, "position_rebalance")),
        candles);
    ExecutorInfo e = r.executors().getFirst();
    assertEquals(CloseType.POSITION_HOLD, e.closeType());
    assertEquals(180, e.closeTimestamp(), "filled when candle 2's low 98.9 reached 99");
    assertEquals(0, e.netPnlQuote());
    assertEquals(0.198, e.cumFeesQuote(), 1e-12);
    assertEquals(198, e.filledAmountQuote(), 1e-12);
    PositionHold hold = r.positionHolds().getFirst();
    assertEquals(2, hold.netAmountBase(), 1e-12);
    assertEquals((101 - 99) * 2, hold.unrealizedPnlQuote(), 1e-12);
    assertEquals(0.198, hold.cumFeesQuote(), 1e-12);
    assertEquals(0, r.results().netPnlQuote(), "a hold's unrealized PnL is reported apart");
    assertEquals(4, r.results().unrealizedPnlQuote(), 1e-12);
  }

  private static GridExecutorConfig grid(long now, double stopLoss, boolean keepPosition) {
    return new GridExecutorConfig(null, now, "c1", "sim", "BTC-USDT", TradeType.BUY, 95, 105, 92, 50, 0.05, 10, 2,
        0, 0, Double.NaN, 0, TripleBarrierConfig.of(stopLoss, 0.02, null, null, OrderType.LIMIT, OrderType.LIMIT), 1,
        null, keepPosition, false);
  }

  /** Grid 95..105, 50 quote, min spread 5 %, min order 10 → 2 levels (95, 105) of 25 quote, TP 2 %. */
  private static final Candles GRID_CANDLES = TestConfigs.candles(
      new double[] {100.4, 100.4, 100.4, 100.4},
      new double[] {100.4, 100.5, 100.0, 100.2},
      new double[] {100, 100, 94.5, 96},
      new double[] {96, 97.5, 95.5, 97},
      new double[] {97, 97, 96.5, 96.8});

  @Test
  void gridLevelsFillRoundTripAndRecycle() {
    BacktestResult r = ENGINE.run(new OneConfig(now -> grid(now, 0.05, false)), GRID_CANDLES);
    GridExecutor e = (GridExecutor) r.executors().getFirst();
    assertArrayEquals(new double[] {95, 105}, e.levelPrices(), 1e-12);
    assertEquals(25, e.quotePerLevel(), 1e-12);
    // L1 (105, above the mid) is bought at the mid 100.4 on candle 1; L0 at 95 on candle 2; L0's TP 96.9 sells
    // on candle 3 (high 97.5): round trip 25/95 · (96.9 − 95) − fees 0.025 + 0.0255; L0 is placed again.
    double l0Base = 25 / 95.0;
    double l1Base = 25 / 105.0;
    double realized = l0Base * 96.9 - 25 - (0.025 + l0Base * 96.9 * FEE);
    assertEquals(realized, e.realizedPnlQuote(), 1e-12);
    double l1Quote = l1Base * 100.4;
    double position = (96.8 - 100.4) / 100.4 * l1Quote - l1Quote * FEE;
    assertEquals(position, e.positionPnlQuote(), 1e-12, "L1 still open, marked at the last close");
    assertEquals(realized + position, e.netPnlQuote(), 1e-12);
    assertEquals(l1Quote + 25 + l0Base * 96.9, e.filledAmountQuote(), 1e-12);
    assertEquals(ExecutorState.RUNNING, e.state());
  }

  @Test
  void gridBelowItsLimitPriceStopsAndClosesTheWholePosition() {
    Candles crash = TestConfigs.candles(
        new double[] {100.4, 100.4, 100.4, 100.4},
        new double[] {100.4, 100.5, 100.0, 100.2},
        new double[] {100, 100, 94.5, 91.5},
        new double[] {91, 91, 90, 90});
    BacktestResult r = ENGINE.run(new OneConfig(now -> grid(now, 0.5, false)), crash);
    GridExecutor e = (GridExecutor) r.executors().getFirst();
    // candle 2 closes at 91.5 <= limit 92: STOP_LOSS; both levels filled -> MARKET sell at candle 3's open 91
    assertEquals(CloseType.STOP_LOSS, e.closeType());
    assertEquals(180, e.closeTimestamp());
    double base = 25 / 105.0 + 25 / 95.0;
    double bought = 25 / 105.0 * 100.4 + 25;
    assertEquals(base * 91 - bought - (bought + base * 91) * FEE, e.netPnlQuote(), 1e-12);
    assertEquals(0, e.positionBase(), 1e-12);
  }

  @Test
  void gridWithKeepPositionHandsItsLevelsToThePositionHold() {
    Candles crash = TestConfigs.candles(
        new double[] {100.4, 100.4, 100.4, 100.4},
        new double[] {100.4, 100.5, 100.0, 100.2},
        new double[] {100, 100, 94.5, 91.5},
        new double[] {91, 91, 90, 90});
    BacktestResult r = ENGINE.run(new OneConfig(now -> grid(now, 0.5, true)), crash);
    ExecutorInfo e = r.executors().getFirst();
    assertEquals(CloseType.POSITION_HOLD, e.closeType());
    assertEquals(180, e.closeTimestamp(), "held at candle 2's close");
    PositionHold hold = r.positionHolds().getFirst();
    double base = 25 / 105.0 + 25 / 95.0;
    double bought = 25 / 105.0 * 100.4 + 25;
    assertEquals(base, hold.netAmountBase(), 1e-12);
    assertEquals(90 * base - bought, hold.unrealizedPnlQuote(), 1e-12);
  }

  @Test
  void twapTakerSplitsTheRemainingQuoteOverTheRemainingOrdersAndCompletes() {
    Candles candles = TestConfigs.candles(
        new double[] {100, 100, 100, 100},
        new double[] {101, 101, 99, 99.5},
        new double[] {99.5, 100, 99, 99.5},
        new double[] {99.5, 100, 99, 99.8},
        new double[] {99.8, 100, 99, 99.8});
    BacktestResult r = ENGINE.run(new OneConfig(now -> new TwapExecutorConfig(null, now, "c1", "sim", "BTC-USDT",
        TradeType.BUY, 1, 300, 120, 60, TwapMode.TAKER, Double.NaN, 0, null)), candles);
    ExecutorInfo e = r.executors().getFirst();
    // 3 orders: 300/3/100 = 1 @ 101; (300 − 101)/2/99.5 = 1 @ 99.5; 99.5/1/99.5 = 1 @ 99.5 -> average 100
    assertEquals(CloseType.COMPLETED, e.closeType());
    assertEquals(180, e.closeTimestamp());
    assertEquals(300, e.filledAmountQuote(), 1e-12);
    assertEquals(0.3, e.cumFeesQuote(), 1e-12);
    assertEquals((99.5 - 100) / 100 * 300 - 0.3, e.netPnlQuote(), 1e-12, "against the mid when it completed");
  }
}
