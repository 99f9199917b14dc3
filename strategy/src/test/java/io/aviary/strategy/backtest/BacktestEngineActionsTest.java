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
    assertEquals(0, r.results().netPnlQuote());
    assertEquals(0, r.results().totalExecutorsWithPosition());
    assertEquals(0.1, r.results().totalFeesQuote(), 1e-12, "the open fee still counts in total fees");
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
