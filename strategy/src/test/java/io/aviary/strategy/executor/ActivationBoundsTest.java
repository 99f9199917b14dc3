package io.aviary.strategy.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.aviary.strategy.executor.PositionExecutorTest.Mid;
import io.aviary.strategy.executor.PositionExecutorTest.RecordingGateway;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Activation bounds (hummingbot-internals §3.5): an executor's entry orders rest only while the mid is within
 * {@code activation_bounds} of them; orders that fall outside are cancelled and placed again when the mid is back.
 */
class ActivationBoundsTest {

  private static final TripleBarrierConfig LIMIT_OPEN =
      new TripleBarrierConfig(null, null, null, null, OrderType.LIMIT, OrderType.MARKET, OrderType.MARKET,
          OrderType.MARKET);

  /** A BUY LIMIT at 95 with bounds [0.02]: it rests while 95 >= mid · 0.98, i.e. mid <= 96.9388. */
  private static PositionExecutor buyAt95(RecordingGateway gateway) {
    return new PositionExecutor("p", new PositionExecutorConfig("p", 0, "c", "sim", "BTC-USDT", TradeType.BUY, 95,
        1, LIMIT_OPEN, 1, "buy_0", List.of(0.02)), gateway);
  }

  @Test
  void positionOpenOrderIsPlacedOnlyWithinTheBoundsAndCancelledWhenTheMidLeavesThem() {
    RecordingGateway gateway = new RecordingGateway();
    PositionExecutor executor = buyAt95(gateway);
    Mid market = new Mid(0, 100);

    executor.start(market); // 95 >= 98.00? no
    executor.step(market.at(60, 98)); // 95 >= 96.04? no
    assertEquals(0, gateway.placed.size());
    assertEquals(ExecutorState.RUNNING, executor.state());

    executor.step(market.at(120, 96.5)); // 95 >= 94.57: placed
    assertEquals(1, gateway.placed.size());
    assertEquals(OrderType.LIMIT, gateway.placed.get(0).orderType());
    assertEquals(95, gateway.placed.get(0).price(), 1e-12);
    assertEquals(1, gateway.placed.get(0).amount(), 1e-12);

    executor.step(market.at(180, 97.5)); // 95 >= 95.55? no: the unfilled open order is cancelled
    assertEquals(List.of("o1"), gateway.cancelled);
    executor.onOrderCancelled("o1");
    executor.step(market.at(240, 98));
    assertEquals(1, gateway.placed.size());
    assertEquals(ExecutorState.RUNNING, executor.state());
    assertNull(executor.closeType());

    executor.step(market.at(300, 96)); // 95 >= 94.08: placed again
    assertEquals(2, gateway.placed.size());
    assertEquals(1, gateway.placed.get(1).amount(), 1e-12);

    // 0.4 fills, then the mid leaves: the rest is cancelled and, back within, only the 0.6 missing is placed
    executor.onOrderFilled(new OrderFill("o2", 330, 95, 0.4, 0, false));
    executor.step(market.at(360, 99));
    assertEquals(List.of("o1", "o2"), gateway.cancelled);
    executor.onOrderCancelled("o2");
    executor.step(market.at(420, 96.9));
    assertEquals(3, gateway.placed.size());
    assertEquals(0.6, gateway.placed.get(2).amount(), 1e-12);
    assertEquals(0.4, executor.openFilledAmount(), 1e-12);
  }

  @Test
  void positionWithoutBoundsPlacesAtOnceAsBefore() {
    RecordingGateway gateway = new RecordingGateway();
    PositionExecutor executor = new PositionExecutor("p", new PositionExecutorConfig("p", 0, "c", "sim",
        "BTC-USDT", TradeType.BUY, 95, 1, LIMIT_OPEN, 1, "buy_0"), gateway);
    executor.start(new Mid(0, 100));
    executor.step(new Mid(60, 120));
    assertEquals(1, gateway.placed.size());
    assertEquals(List.of(), gateway.cancelled);
  }

  @Test
  void aMarketOpenWaitsUntilTheMidIsWithinBothBoundsOfTheEntry() {
    TripleBarrierConfig marketOpen = new TripleBarrierConfig(null, null, null, null, OrderType.MARKET,
        OrderType.MARKET, OrderType.MARKET, OrderType.MARKET);
    RecordingGateway gateway = new RecordingGateway();
    // SELL at 100 with bounds [0.01, 0.03]: entry·0.97 = 97 <= mid <= entry·1.01 = 101
    PositionExecutor executor = new PositionExecutor("p", new PositionExecutorConfig("p", 0, "c", "sim",
        "BTC-USDT", TradeType.SELL, 100, 1, marketOpen, 1, null, List.of(0.01, 0.03)), gateway);
    Mid market = new Mid(0, 96.9);
    executor.start(market);
    executor.step(market.at(60, 101.1));
    assertEquals(0, gateway.placed.size());
    executor.step(market.at(120, 97.1));
    assertEquals(1, gateway.placed.size());
    assertEquals(OrderType.MARKET, gateway.placed.get(0).orderType());
  }

  /**
   * One grid level: total 10 quote, min order 5 → min quote 5.25, one level by amount (and none by the 0.5 spread),
   * so the level is the range's middle, (90 + 100) / 2 = 95, for 10 / 95 base. Bounds 0.02.
   */
  @Test
  void gridCancelsARestingLevelOrderBeyondTheBoundsAndOpensItAgainWhenTheMidIsBack() {
    RecordingGateway gateway = new RecordingGateway();
    TripleBarrierConfig barriers = new TripleBarrierConfig(null, 0.01, null, null, OrderType.LIMIT, OrderType.LIMIT,
        OrderType.MARKET, OrderType.MARKET);
    GridExecutor grid = new GridExecutor("g", new GridExecutorConfig("g", 0, "c", "sim", "BTC-USDT", TradeType.BUY,
        90, 100, 80, 10, 0.5, 5, 2, 0, 0, 0.02, 0.0001, barriers, 1, null, false, false), gateway);
    Mid market = new Mid(0, 96);

    grid.start(market); // 95 >= 96·0.98 = 94.08: placed at min(95, 96·0.9999)
    assertEquals(1, grid.levelPrices().length);
    assertEquals(1, gateway.placed.size());
    assertEquals(95, gateway.placed.get(0).price(), 1e-12);
    assertEquals(10.0 / 95, gateway.placed.get(0).amount(), 1e-12);

    grid.step(market.at(60, 96.9)); // |95 − 96.9| / 96.9 = 0.0196: stays
    assertEquals(List.of(), gateway.cancelled);

    grid.step(market.at(120, 98)); // 3 / 98 = 0.0306 > 0.02: cancelled, and not re-opened (95 < 96.04)
    assertEquals(List.of("o1"), gateway.cancelled);
    grid.onOrderCancelled("o1");
    grid.step(market.at(180, 99));
    assertEquals(1, gateway.placed.size());

    grid.step(market.at(240, 96.5)); // 95 >= 94.57 and 1.5 / 96.5 = 0.0155: opened again
    assertEquals(2, gateway.placed.size());
    assertEquals(95, gateway.placed.get(1).price(), 1e-12);
    assertEquals(ExecutorState.RUNNING, grid.state());
  }
}
