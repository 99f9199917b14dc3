package io.aviary.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.controller.BollingerV1Controller;
import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.controller.ControllerConfig;
import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A controller whose {@code interval} (3m) is coarser than the backtest resolution (1m) sees its own interval's
 * candles, and at each 1m step only those closed by then: never the 3m candle still forming (Hummingbot's
 * {@code merge_asof} on the open time shows it up to two minutes early).
 */
class ControllerIntervalTest {
  private static final TripleBarrierConfig BARRIERS =
      TripleBarrierConfig.of(0.5, 0.5, 86_400L, null, OrderType.MARKET, OrderType.LIMIT);
  private static final BacktestEngine ENGINE = new BacktestEngine(new BacktestSettings(0, 0, 1000));

  /** 1m closes: two flat 3m buckets at 10, then a third rising 3 → 5 → 7. */
  private static final double[] ONE_MINUTE_CLOSES = {10, 10, 10, 10, 10, 10, 3, 5, 7};

  private static Candles oneMinute() {
    double[][] rows = new double[ONE_MINUTE_CLOSES.length][];
    for (int i = 0; i < rows.length; i++) {
      double c = ONE_MINUTE_CLOSES[i];
      rows[i] = new double[] {c, c, c, c};
    }
    return TestConfigs.candles(rows);
  }

  /** The same minutes as 3m candles (open times 0, 180, 360): OHLC first open, max high, min low, last close. */
  private static Candles threeMinute() {
    return Candles.of(180, new long[] {0, 180, 360}, new double[] {10, 10, 3}, new double[] {10, 10, 7},
        new double[] {10, 10, 3}, new double[] {10, 10, 7}, new double[] {0, 0, 0});
  }

  /** Remembers, at each step, how many candles it was shown and the close time of the last one. */
  private static final class Recording implements Controller {
    final List<long[]> seen = new ArrayList<>();

    @Override
    public ControllerConfig config() {
      return TestConfigs.Plain.of(1000);
    }

    @Override
    public List<ExecutorAction> determineActions(MarketView market, List<? extends ExecutorInfo> active,
        List<? extends ExecutorInfo> closedSinceLastStep) {
      Candles c = market.candles();
      seen.add(new long[] {market.now(), c.size(), c.isEmpty() ? -1 : c.closeTime(c.lastIndex()),
          c.intervalSeconds()});
      return List.of();
    }
  }

  @Test
  void atEachOneMinuteStepTheControllerSeesExactlyTheClosedThreeMinuteCandles() {
    Recording controller = new Recording();
    ENGINE.run(controller, BacktestData.of(oneMinute()).withControllerCandles(threeMinute()), i -> false, false);

    assertEquals(9, controller.seen.size(), "one decision per 1m candle");
    for (int i = 0; i < 9; i++) {
      long[] step = controller.seen.get(i);
      long now = 60L * (i + 1);
      assertEquals(now, step[0], "now at step " + i);
      assertEquals((i + 1) / 3, step[1], "3m candles closed by " + now);
      assertEquals(180, step[3], "the controller's candles are 3m ones");
      assertTrue(step[2] <= now, "the last candle shown closed at " + step[2] + ", after now " + now);
    }
  }

  @Test
  void bollingerDecidesOnThreeMinuteClosesNotOnOneMinuteOnes() {
    var config = TestConfigs.Bollinger.of(3, 0.2, 0.8, BARRIERS, 300);

    BacktestResult threeMinutes = ENGINE.run(new BollingerV1Controller(config),
        BacktestData.of(oneMinute()).withControllerCandles(threeMinute()), i -> false, false);
    // 3m closes [10, 10, 7]: mean 9, population sigma sqrt 2, %B = (7 − (9 − 2√2)) / (4√2) = 0.146 < 0.2 → long,
    // decided at the third 3m candle's close (t = 540), not at t = 420 or 480 when that candle was still forming
    assertEquals(1, threeMinutes.executors().size(), threeMinutes.executors().toString());
    ExecutorInfo entry = threeMinutes.executors().getFirst();
    assertEquals(TradeType.BUY, entry.side());
    assertEquals(540, entry.timestamp());

    BacktestResult oneMinuteRun = ENGINE.run(new BollingerV1Controller(config), oneMinute());
    // on 1m closes the same config already goes long at t = 420: closes [10, 10, 3] give %B = 0.146 — a different
    // strategy from the one the config's interval says
    assertTrue(!oneMinuteRun.executors().isEmpty(), "the 1m run should trade");
    assertEquals(420, oneMinuteRun.executors().getFirst().timestamp());
  }

  @Test
  void anIntervalThatIsNotAWholeMultipleOfTheResolutionIsRefused() {
    Candles ninetySeconds = Candles.of(90, new long[] {0}, new double[] {1}, new double[] {1}, new double[] {1},
        new double[] {1}, new double[] {0});
    Candles thirtySeconds = Candles.of(30, new long[] {0}, new double[] {1}, new double[] {1}, new double[] {1},
        new double[] {1}, new double[] {0});
    for (Candles wrong : List.of(ninetySeconds, thirtySeconds)) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> ENGINE.run(new Recording(), BacktestData.of(oneMinute()).withControllerCandles(wrong), i -> false,
              false));
      assertTrue(e.getMessage().contains("interval") && e.getMessage().contains("backtesting_resolution"),
          e.getMessage());
    }
  }
}
