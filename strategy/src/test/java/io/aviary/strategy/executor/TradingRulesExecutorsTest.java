package io.aviary.strategy.executor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.executor.PositionExecutorTest.RecordingGateway;
import io.aviary.strategy.market.TradingRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Executors read the venue's trading rules where Hummingbot's do (hummingbot-internals §3.5); figures by hand. */
class TradingRulesExecutorsTest {

  @Test
  void gridLevelsAreSizedWithTheVenuesMinimumsAndIncrements() {
    // min order size 0.01, min notional 10, tick 1.5, amount step 0.01; mid 100, range 95..105, 100 quote
    TradingRules rules = new TradingRules(0.01, 10, 1.5, 0.01);
    GridExecutorConfig config = new GridExecutorConfig(null, 1_000, "c1", "sim", "BTC-USDT", TradeType.BUY, 95, 105,
        80, 100, 0.001, 5, 3, 0, 0, Double.NaN, 0.0001,
        TripleBarrierConfig.of(null, 0.01, null, null, OrderType.LIMIT_MAKER, OrderType.LIMIT_MAKER), 1, null,
        false, false);
    GridExecutor grid = new GridExecutor("g1", config, new RecordingGateway());
    grid.start(new PositionExecutorTest.Mid(rules, 1_000, 100));
    // min_notional = max(5, 10) = 10; min_base = max(1.05·10/100 = 0.105, 0.01·⌈10/(0.01·100)⌉ = 0.1) → up to 0.11
    // min_step = max(0.001, 1.5/100) = 0.015; n = min(⌊100/11⌋ = 9, ⌊(10/95)/0.015⌋ = 7) = 7
    // per level = max(0.11, ⌊100/(100·7) = 0.142857⌋ to 0.01 = 0.14) = 0.14 base = 14 quote; n = min(7, ⌊100/14⌋) = 7
    // (without rules: min_base 0.0525, n = min(19, 105) = 19 levels of 5.263 quote)
    assertEquals(14, grid.quotePerLevel(), 1e-9);
    double[] expected = new double[7];
    for (int i = 0; i < 7; i++) {
      expected[i] = 95 + 10.0 * i / 6;
    }
    assertArrayEquals(expected, grid.levelPrices(), 1e-9);
  }

  private static PositionExecutor position(RecordingGateway gateway) {
    return new PositionExecutor("p1", new PositionExecutorConfig(null, 1_000, "c1", "sim", "BTC-USDT", TradeType.BUY,
        100, 2, TripleBarrierConfig.of(0.05, 0.05, 600L, null, OrderType.LIMIT, OrderType.MARKET), 1, "buy_0"),
        gateway);
  }

  @Test
  void aPositionFilledBelowTheMinimumSizeEvaluatesNoBarrierAndSendsNoClose() {
    RecordingGateway gateway = new RecordingGateway();
    PositionExecutorTest.Mid market = new PositionExecutorTest.Mid(new TradingRules(0.5, 0, 0.01, 0.1), 1_000, 100);
    PositionExecutor e = position(gateway);
    e.start(market);
    e.onOrderFilled(new OrderFill("o1", 1_001, 100, 0.3, 0, true)); // the venue ended the open order at 0.3 < 0.5
    e.step(market.at(1_010, 90)); // −10 %: beyond the 5 % stop loss
    assertEquals(ExecutorState.RUNNING, e.state(), "no barrier below the minimum order size");
    assertEquals(1, gateway.placed.size());
    e.step(market.at(1_600, 90)); // the time limit is always checked
    assertEquals(CloseType.TIME_LIMIT, e.closeType());
    assertEquals(ExecutorState.TERMINATED, e.state());
    assertEquals(1, gateway.placed.size(), "no close for 0.3 < min_order_size 0.5");
  }

  @Test
  void aPositionFilledBelowTheMinimumNotionalEvaluatesNoBarrierAboveItDoes() {
    RecordingGateway gateway = new RecordingGateway();
    PositionExecutorTest.Mid market = new PositionExecutorTest.Mid(new TradingRules(0, 50, 0, 0), 1_000, 100);
    PositionExecutor small = position(gateway);
    small.start(market);
    small.onOrderFilled(new OrderFill("o1", 1_001, 100, 0.4, 0, true)); // notional 40 < 50
    small.step(market.at(1_010, 90));
    assertEquals(ExecutorState.RUNNING, small.state());

    RecordingGateway other = new RecordingGateway();
    PositionExecutor enough = position(other);
    enough.start(market.at(1_000, 100));
    enough.onOrderFilled(new OrderFill("o1", 1_001, 100, 0.5, 0, true)); // notional 50
    enough.step(market.at(1_010, 90));
    assertEquals(CloseType.STOP_LOSS, enough.closeType());
    assertEquals(new OrderRequest("sim", "BTC-USDT", TradeType.SELL, OrderType.MARKET, 0.5, Double.NaN,
        PositionAction.CLOSE), other.placed.getLast());
  }

  @Test
  void aDcaLevelBelowTheMinimumFailsAtStartWithoutOrders() {
    // levels: 100 quote at 100 (1 base), 105 quote at 105 (1 base)
    DCAExecutorConfig config = new DCAExecutorConfig(null, 1_000, "c1", "sim", "BTC-USDT", TradeType.SELL, 1,
        List.of(100.0, 105.0), List.of(100.0, 105.0), 0.02, 0.05, null, null, DCAMode.MAKER, null, "sell_0");
    RecordingGateway gateway = new RecordingGateway();
    DCAExecutor belowNotional = new DCAExecutor("d1", config, gateway);
    belowNotional.start(new PositionExecutorTest.Mid(new TradingRules(0, 101, 0, 0), 1_000, 99));
    assertEquals(CloseType.FAILED, belowNotional.closeType());
    assertEquals(ExecutorState.TERMINATED, belowNotional.state());

    DCAExecutor belowSize = new DCAExecutor("d2", config, gateway);
    belowSize.start(new PositionExecutorTest.Mid(new TradingRules(1.5, 0, 0, 0), 1_000, 99));
    assertEquals(CloseType.FAILED, belowSize.closeType());
    assertTrue(gateway.placed.isEmpty());

    DCAExecutor fine = new DCAExecutor("d3", config, gateway);
    fine.start(new PositionExecutorTest.Mid(new TradingRules(1, 100, 0, 0), 1_000, 99));
    assertEquals(ExecutorState.RUNNING, fine.state());
    assertEquals(1, gateway.placed.size(), "levels at the minimums: the first is placed");
  }
}
