package io.aviary.strategy.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import net.minidev.json.JSONValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof that an executor can be killed at any step and resumed from its checkpoint: for each executor type and
 * each step k of a candle path, a run that checkpoints after step k, goes through JSON, loses the process (the
 * venue fills the next candle while nobody listens), resumes a fresh executor on a fresh gateway session and is
 * reconciled (every trade of its open orders delivered twice) ends exactly as the run that was never interrupted:
 * same state and close type, same PnL, fees and volume to the last bit, same orders placed, same trades.
 */
class ExecutorCheckpointTest {
  static final long START = CandleVenue.closeTime(0);

  /** What a run leaves behind; records compare doubles bit for bit. */
  record Outcome(ExecutorState state, CloseType closeType, long closeTimestamp, double netPnlQuote, double netPnlPct,
      double feesQuote, double filledAmountQuote, List<OrderRequest> placed, List<CandleVenue.Trade> trades,
      List<CheckpointOrder> orders) {}

  static Outcome run(ExecutorConfig config, double[] closes, int restartAfter) {
    CandleVenue venue = new CandleVenue(closes);
    Executor executor = ExecutorCheckpoint.checkpointable(config, "x1", venue.connect());
    executor.start(venue.marketAt(0));
    for (int i = 1; i < venue.size(); i++) {
      if (i - 1 == restartAfter) {
        executor = crashAndResume(venue, executor, i);
      } else {
        venue.fillAgainst(i);
      }
      executor.step(venue.marketAt(i));
    }
    if (restartAfter == venue.size() - 1) {
      executor = crashAndResume(venue, executor, venue.size());
    }
    return new Outcome(executor.state(), executor.closeType(), executor.closeTimestamp(), executor.netPnlQuote(),
        executor.netPnlPct(), executor.cumFeesQuote(), executor.filledAmountQuote(), List.copyOf(venue.placed),
        List.copyOf(venue.trades), ExecutorCheckpoint.of(executor).orders());
  }

  /** Checkpoint → JSON text → the process dies → candle {@code next} trades → a new process resumes. */
  @SuppressWarnings("unchecked")
  static Executor crashAndResume(CandleVenue venue, Executor executor, int next) {
    String json = JSONValue.toJSONString(ExecutorCheckpoint.of(executor).toMap());
    CandleVenue.Session session = venue.connect();
    if (next < venue.size()) {
      venue.fillAgainst(next);
    }
    ExecutorCheckpoint checkpoint = ExecutorCheckpoint.fromMap((Map<String, Object>) JSONValue.parse(json));
    Executor resumed = checkpoint.resume(session);
    venue.reconcile(checkpoint, resumed, 2);
    return resumed;
  }

  static double[] path(int n, Function<Integer, Double> price) {
    double[] closes = new double[n];
    for (int i = 0; i < n; i++) {
      closes[i] = Math.round(price.apply(i) * 100) / 100.0;
    }
    return closes;
  }

  static final double[] UP = path(40, i -> i < 12 ? 100 + 0.3 * i - (i == 1 ? 0.5 : 0) : 103.6 - 0.35 * (i - 12));
  static final double[] DOWN = path(40, i -> 100 - 0.25 * i);
  static final double[] V = path(40, i -> i < 15 ? 100 - 0.25 * i : 96.25 + 0.3 * (i - 15));
  static final double[] V_AND_BACK =
      path(45, i -> i < 12 ? 100 - 0.25 * i : i < 27 ? 97.25 + 0.3 * (i - 12) : 101.75 - 0.3 * (i - 27));
  static final double[] WAVE = path(50, i -> 100 + 2.5 * Math.sin(i / 2.5));

  static PositionExecutorConfig position(TradeType side, TripleBarrierConfig barriers) {
    return new PositionExecutorConfig(null, START, "c1", "sim", "BTC-USDT", side, Double.NaN, 1, barriers, 1, null);
  }

  static DCAExecutorConfig dca(DCAMode mode, TradeType side, List<Double> prices, List<Double> bounds) {
    return new DCAExecutorConfig(null, START, "c1", "sim", "BTC-USDT", side, 1, List.of(100.0, 100.0, 100.0),
        prices, 0.01, 0.05, new TrailingStop(0.02, 0.005), 3000L, mode, bounds, null);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("position take profit (limit)", UP, position(TradeType.BUY,
            TripleBarrierConfig.of(0.03, 0.02, null, null, OrderType.LIMIT, OrderType.LIMIT)), CloseType.TAKE_PROFIT),
        Arguments.of("position trailing stop", UP, position(TradeType.BUY,
            TripleBarrierConfig.of(0.03, 0.06, null, new TrailingStop(0.01, 0.004), OrderType.LIMIT,
                OrderType.MARKET)), CloseType.TRAILING_STOP),
        Arguments.of("position short stop loss", UP, position(TradeType.SELL,
            TripleBarrierConfig.of(0.02, 0.05, null, null, OrderType.MARKET, OrderType.MARKET)), CloseType.STOP_LOSS),
        Arguments.of("position time limit", WAVE, position(TradeType.BUY,
            TripleBarrierConfig.of(0.2, 0.2, 900L, null, OrderType.LIMIT, OrderType.LIMIT)), CloseType.TIME_LIMIT),
        Arguments.of("dca maker", V, dca(DCAMode.MAKER, TradeType.BUY, List.of(99.5, 98.5, 97.5), null),
            CloseType.TAKE_PROFIT),
        Arguments.of("dca taker", UP, dca(DCAMode.TAKER, TradeType.SELL, List.of(101.0, 102.0, 103.0),
            List.of(0.01, 0.01)), CloseType.TAKE_PROFIT),
        Arguments.of("grid", WAVE, new GridExecutorConfig(null, START, "c1", "sim", "BTC-USDT", TradeType.BUY, 97,
            103, 94, 600, 0.005, 50, 3, 2, 0, Double.NaN, 0.0001,
            TripleBarrierConfig.of(null, 0.005, 2400L, null, OrderType.LIMIT_MAKER, OrderType.LIMIT_MAKER), 1, null,
            false, false), CloseType.TIME_LIMIT),
        Arguments.of("grid sell held at its limit price", UP, new GridExecutorConfig(null, START, "c1", "sim",
            "BTC-USDT", TradeType.SELL, 99, 103, 103.4, 600, 0.005, 50, 4, 2, 120, 0.03, 0.0001,
            TripleBarrierConfig.of(null, 0.004, null, null, OrderType.LIMIT, OrderType.LIMIT), 1, null, true, true),
            CloseType.POSITION_HOLD),
        Arguments.of("dca maker trailing stop", V_AND_BACK, new DCAExecutorConfig(null, START, "c1", "sim", "BTC-USDT",
            TradeType.BUY, 1, List.of(100.0, 100.0), List.of(99.5, 98.5), 0.2, 0.2, new TrailingStop(0.01, 0.003),
            null, DCAMode.MAKER, null, null), CloseType.TRAILING_STOP),
        Arguments.of("twap maker", WAVE, new TwapExecutorConfig(null, START, "c1", "sim", "BTC-USDT", TradeType.BUY,
            1, 1000, 600, 120, TwapMode.MAKER, 0.001, 180, null), CloseType.COMPLETED),
        Arguments.of("twap taker", DOWN, new TwapExecutorConfig(null, START, "c1", "sim", "BTC-USDT",
            TradeType.SELL, 1, 1000, 600, 120, TwapMode.TAKER, Double.NaN, 0, null), CloseType.COMPLETED),
        Arguments.of("order limit chaser", UP, new OrderExecutorConfig(null, START, "c1", "sim", "BTC-USDT",
            TradeType.BUY, 2, null, Double.NaN, ExecutionStrategy.LIMIT_CHASER, new LimitChaserConfig(0.001, 0.002),
            1, null), CloseType.POSITION_HOLD));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void resumingAfterAnyStepEndsAsTheUninterruptedRun(String name, double[] closes, ExecutorConfig config,
      CloseType expected) {
    Outcome uninterrupted = run(config, closes, -1);
    assertEquals(expected, uninterrupted.closeType(), name + ": " + uninterrupted);
    assertFalse(uninterrupted.trades().isEmpty());
    List<Integer> differing = new ArrayList<>();
    for (int k = 0; k < closes.length; k++) {
      Outcome resumed = run(config, closes, k);
      if (!resumed.equals(uninterrupted)) {
        differing.add(k);
        if (differing.size() == 1) {
          assertEquals(uninterrupted, resumed, name + ": restart after step " + k);
        }
      }
    }
    assertTrue(differing.isEmpty(), name + ": differs after restarts at " + differing);
    assertNotNull(uninterrupted.orders());
  }
}
