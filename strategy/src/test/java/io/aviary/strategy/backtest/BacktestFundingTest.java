package io.aviary.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Funding on perpetual positions, against hand-computed figures. */
class BacktestFundingTest {
  private static final TripleBarrierConfig NO_BARRIERS =
      TripleBarrierConfig.of(null, null, null, null, OrderType.MARKET, OrderType.MARKET);

  /**
   * 1m candles opened at 0, 60, …; candle i closes at 60·(i+1). The position opens at candle 1's open (t = 60, 100)
   * and closes at candle 5's open (t = 300, 110).
   */
  private static final Candles CANDLES = TestConfigs.candles(
      new double[] {100, 100, 100, 100}, new double[] {100, 100, 100, 100}, new double[] {100, 105, 100, 105},
      new double[] {105, 110, 105, 110}, new double[] {110, 110, 110, 110}, new double[] {110, 110, 110, 110},
      new double[] {110, 110, 110, 110});

  /**
   * t = 30: before the position opened; t = 120: +0.01 % at candle 1's close 100; t = 240: −0.02 % at candle 3's close
   * 110; t = 360: after it closed (only a hold still pays).
   */
  private static final FundingRates FUNDING =
      new FundingRates(new long[] {30, 120, 240, 360}, new double[] {0.5, 0.0001, -0.0002, 0.001});

  /** Opens one position executor of {@code side} at step 0 and stops it at step 4 (keeping it or not). */
  record OpenThenStop(String connector, TradeType side, boolean keep, int[] step) implements Controller {
    OpenThenStop(String connector, TradeType side, boolean keep) {
      this(connector, side, keep, new int[1]);
    }

    @Override
    public ControllerConfig config() {
      return new TestConfigs.Plain("c1", "scripted", "generic", connector, "BTC-USDT", BigDecimal.valueOf(1000));
    }

    @Override
    public List<ExecutorAction> determineActions(
        MarketView market, List<? extends ExecutorInfo> active, List<? extends ExecutorInfo> closed) {
      return switch (step[0]++) {
        case 0 -> List.of(new ExecutorAction.Create("c1", new PositionExecutorConfig("p", market.now(), "c1",
            connector, "BTC-USDT", side, Double.NaN, 1, NO_BARRIERS, 1, null)));
        case 4 -> List.of(new ExecutorAction.Stop("c1", "p", keep));
        default -> List.of();
      };
    }
  }

  private static BacktestResult run(Controller controller) {
    return new BacktestEngine(new BacktestSettings(0, 0, 1000)).run(controller, CANDLES, FUNDING, i -> false);
  }

  @Test
  void aLongPaysPositiveRatesAndReceivesNegativeOnesWhileItHoldsThePosition() {
    BacktestResult r = run(new OpenThenStop("sim_perpetual", TradeType.BUY, false));
    ExecutorInfo e = r.executors().getFirst();
    // t=120: −1 × 100 × 0.0001 = −0.01; t=240: −1 × 110 × (−0.0002) = +0.022; t=30 and t=360: flat, nothing
    assertEquals(0.012, e.cumFundingQuote(), 1e-12);
    assertEquals(10.012, e.netPnlQuote(), 1e-12, "bought at 100, sold at 110, plus funding");
    assertEquals(0.012, r.results().totalFundingQuote(), 1e-12);
    assertEquals(10.012, r.results().netPnlQuote(), 1e-12);
    assertEquals(10.012, r.pnlTimeseries().totalPnl()[6], 1e-12);
  }

  @Test
  void aShortIsPaidTheMirrorImage() {
    BacktestResult r = run(new OpenThenStop("sim_perpetual", TradeType.SELL, false));
    assertEquals(-0.012, r.results().totalFundingQuote(), 1e-12);
    assertEquals(-10.012, r.results().netPnlQuote(), 1e-12, "sold at 100, bought back at 110, minus funding");
  }

  @Test
  void aSpotConnectorPaysNoFundingWhateverIsPassed() {
    BacktestResult r = run(new OpenThenStop("sim", TradeType.BUY, false));
    assertEquals(0, r.results().totalFundingQuote());
    assertEquals(0, r.executors().getFirst().cumFundingQuote());
    assertEquals(10, r.results().netPnlQuote(), 1e-12);
  }

  @Test
  void aHeldPositionKeepsPayingAndItsFundingIsRealized() {
    BacktestResult r = run(new OpenThenStop("sim_perpetual", TradeType.BUY, true));
    assertEquals(CloseType.POSITION_HOLD, r.executors().getFirst().closeType());
    // the executor's 0.012 moves to the hold, which then pays −1 × 110 × 0.001 = −0.11 at t=360
    double funding = 0.012 - 0.11;
    assertEquals(funding, r.results().totalFundingQuote(), 1e-12);
    assertEquals(funding, r.results().positionRealizedPnlQuote(), 1e-12);
    assertEquals(funding, r.results().netPnlQuote(), 1e-12);
    assertEquals(10, r.results().unrealizedPnlQuote(), 1e-12);
  }

  @Test
  void fundingTimesMustIncrease() {
    assertThrows(IllegalArgumentException.class,
        () -> new FundingRates(new long[] {120, 120}, new double[] {0.0001, 0.0001}));
  }
}
