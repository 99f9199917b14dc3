package io.aviary.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.SyntheticCandles;
import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.controller.ControllerConfig;
import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.market.MarketView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktestEngineActionsTest {
  private static final TripleBarrierConfig NO_BARRIERS =
      TripleBarrierConfig.of(null, null, null, null, OrderType.MARKET, OrderType.MARKET);

  /** Opens at step 0, stops it at step 3 (keeping the position or not); records what it is told. */
  static final class OpenThenStop implements Controller {
    final boolean keep;
    final List<String> closedSeen = new ArrayList<>();
    int step;

    OpenThenStop(boolean keep) {
      this.keep = keep;
    }

    @Override
    public ControllerConfig config() {
      return TestConfigs.Plain.of(1000);
    }

    @Override
    public List<ExecutorAction> determineActions(
        MarketView market, List<? extends ExecutorInfo> active, List<? extends ExecutorInfo> closed) {
      closed.forEach(e -> closedSeen.add(step + ":" + e.id() + ":" + e.closeType()));
      int s = step++;
      if (s == 0) {
        return List.of(new ExecutorAction.Create("c1", new PositionExecutorConfig("mine", market.now(), "c1", "sim",
            "BTC-USDT", TradeType.BUY, Double.NaN, 1, NO_BARRIERS, 1, null)));
      }
      if (s == 3) {
        assertEquals(1, active.size());
        return List.of(new ExecutorAction.Stop("c1", active.getFirst().id(), keep));
      }
      return List.of();
    }
  }

  private static final double[][] ROWS = {
      {100, 100, 100, 100}, {100, 101, 100, 101}, {101, 102, 101, 102}, {102, 103, 102, 103},
      {104, 104, 104, 104}, {104, 104, 104, 104}};

  @Test
  void stopActionClosesAtTheNextOpenAsEarlyStopAndTheControllerIsToldOnce() {
    OpenThenStop controller = new OpenThenStop(false);
    BacktestResult r = new BacktestEngine(new BacktestSettings(0, 0, 1000))
        .run(controller, TestConfigs.candles(ROWS));
    ExecutorInfo e = r.executors().getFirst();
    assertEquals("mine", e.id());
    assertEquals(CloseType.EARLY_STOP, e.closeType());
    assertEquals(4, e.netPnlQuote(), 1e-12, "bought at candle 1's open 100, sold at candle 4's open 104");
    assertEquals(List.of("4:mine:EARLY_STOP"), controller.closedSeen);
  }

  @Test
  void stopKeepingThePositionIsAPositionHoldOutsideTheRealizedPnl() {
    OpenThenStop controller = new OpenThenStop(true);
    BacktestResult r = new BacktestEngine(new BacktestSettings(0.001, 0, 1000))
        .run(controller, TestConfigs.candles(ROWS));
    ExecutorInfo e = r.executors().getFirst();
    assertEquals(CloseType.POSITION_HOLD, e.closeType());
    assertEquals(List.of("4:mine:POSITION_HOLD"), controller.closedSeen);
    assertEquals(0, r.results().netPnlQuote(), "nothing realized: the hold is still long");
    assertEquals(0, r.results().totalExecutorsWithPosition());
    assertEquals(0.1, r.results().totalFeesQuote(), 1e-12, "the open fee still counts in total fees");
    // bought 1 at candle 1's open (100), held from step 3; last close 104
    assertEquals(4, r.results().unrealizedPnlQuote(), 1e-12);
    PositionHold hold = r.positionHolds().getFirst();
    assertEquals(new PositionHold("sim", "BTC-USDT", 1, 0, 4, 0.1, 100, false, 1), hold);
    assertEquals(3, r.pnlTimeseries().positionUnrealizedPnl()[3], 1e-12, "marked at candle 3's close 103");
    assertEquals(4, r.pnlTimeseries().totalPnl()[5], 1e-12);
  }

  /** Long 1 held, then short 0.4 held: the hold nets them and realizes the matched part. */
  static final class LongThenPartialShort implements Controller {
    int step;

    @Override
    public ControllerConfig config() {
      return TestConfigs.Plain.of(1000);
    }

    @Override
    public List<ExecutorAction> determineActions(
        MarketView market, List<? extends ExecutorInfo> active, List<? extends ExecutorInfo> closed) {
      return switch (step++) {
        case 0 -> List.of(create("a", TradeType.BUY, 1, market));
        case 2 -> List.of(new ExecutorAction.Stop("c1", "a", true), create("b", TradeType.SELL, 0.4, market));
        case 4 -> List.of(new ExecutorAction.Stop("c1", "b", true));
        default -> List.of();
      };
    }

    private static ExecutorAction create(String id, TradeType side, double amount, MarketView market) {
      return new ExecutorAction.Create("c1", new PositionExecutorConfig(id, market.now(), "c1", "sim", "BTC-USDT",
          side, Double.NaN, amount, NO_BARRIERS, 1, null));
    }
  }

  @Test
  void holdsNetLongAndShortAverageCostStyle() {
    double[][] rows = {
        {100, 100, 100, 100}, {100, 100, 100, 100}, {100, 100, 100, 100}, {110, 110, 110, 110},
        {110, 110, 110, 110}, {105, 105, 105, 105}};
    BacktestResult r = new BacktestEngine(new BacktestSettings(0, 0, 1000))
        .run(new LongThenPartialShort(), TestConfigs.candles(rows));
    // a: long 1 @ 100 (candle 1 open); b: short 0.4 @ 110 (candle 3 open) -> realized (110 - 100) * 0.4 = 4,
    // 0.6 left long @ 100, marked at the last close 105 -> unrealized 3
    PositionHold hold = r.positionHolds().getFirst();
    assertEquals(0.6, hold.netAmountBase(), 1e-12);
    assertEquals(4, hold.realizedPnlQuote(), 1e-12);
    assertEquals(3, hold.unrealizedPnlQuote(), 1e-12);
    assertEquals(2, hold.nExecutors());
    assertEquals(4, r.results().netPnlQuote(), 1e-12, "net PnL adds the holds' realized PnL only");
    assertEquals(4, r.results().positionRealizedPnlQuote(), 1e-12);
    assertEquals(3, r.results().unrealizedPnlQuote(), 1e-12);
    assertEquals(7, r.pnlTimeseries().totalPnl()[5], 1e-12);
    assertEquals(Map.of("POSITION_HOLD", 2), r.results().closeTypes());
  }

  @Test
  void cancellationIsPolledWithProgressAndStopsTheRun() {
    List<Integer> polled = new ArrayList<>();
    var candles = SyntheticCandles.randomWalk(10_000, 100, 0.001, 1);
    assertThrows(BacktestCancelledException.class, () -> new BacktestEngine(new BacktestSettings(0, 0, 1000))
        .run(new OpenThenStop(false), candles, i -> {
          polled.add(i);
          return i >= 8192;
        }));
    assertEquals(List.of(0, 4096, 8192), polled);
  }

  @Test
  void noCandlesIsRejected() {
    var empty = TestConfigs.candles();
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new BacktestEngine(new BacktestSettings(0, 0, 1000)).run(new OpenThenStop(false), empty))
        .getMessage().contains("no candles"));
  }
}
