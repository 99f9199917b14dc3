package io.aviary.strategy.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.executor.PositionExecutorTest.Mid;
import io.aviary.strategy.executor.PositionExecutorTest.RecordingGateway;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Order, DCA, grid and TWAP executors against a live-style gateway: placements, partial fills, cancels, stops. */
class OtherExecutorsTest {

  private static OrderExecutorConfig order(ExecutionStrategy strategy, double price, LimitChaserConfig chaser) {
    return new OrderExecutorConfig(null, 1_000, "c1", "sim", "BTC-USDT", TradeType.BUY, 2, null, price, strategy,
        chaser, 1, null);
  }

  @Test
  void limitMakerOrderIsClampedToTheBestBid() {
    RecordingGateway gateway = new RecordingGateway();
    OrderExecutor e = new OrderExecutor("e1", order(ExecutionStrategy.LIMIT_MAKER, 101, null), gateway);
    e.start(new Mid(1_000, 100));
    assertEquals(new OrderRequest("sim", "BTC-USDT", TradeType.BUY, OrderType.LIMIT_MAKER, 2, 100,
        PositionAction.OPEN), gateway.placed.getFirst());
    e.onOrderFilled(new OrderFill("o1", 1_001, 100, 2, 0.2, true));
    assertEquals(CloseType.POSITION_HOLD, e.closeType());
    assertEquals(200, e.filledAmountQuote());
    assertEquals(0, e.netPnlQuote());
  }

  @Test
  void chaserReplacesTheRemainingAmountWhenTheMarketRunsAway() {
    RecordingGateway gateway = new RecordingGateway();
    OrderExecutor e = new OrderExecutor("e1", order(ExecutionStrategy.LIMIT_CHASER, Double.NaN,
        new LimitChaserConfig(0.01, 0.005)), gateway);
    Mid market = new Mid(1_000, 100);
    e.start(market);
    assertEquals(99, gateway.placed.getFirst().price(), 1e-12);
    e.onOrderFilled(new OrderFill("o1", 1_001, 99, 0.5, 0, false));
    e.step(market.at(1_002, 100.4)); // target 99.396 is within 0.5 % of 99
    assertEquals(1, gateway.placed.size());
    e.step(market.at(1_003, 101)); // target 99.99 > 99 · 1.005
    assertEquals(List.of("o1"), gateway.cancelled);
    OrderRequest again = gateway.placed.get(1);
    assertEquals(1.5, again.amount(), 1e-12);
    assertEquals(99.99, again.price(), 1e-12);
    assertEquals(OrderType.LIMIT_MAKER, again.orderType());
  }

  @Test
  void orderStoppedBeforeAnyFillIsAnEarlyStopAndAfterAPartialFillAHold() {
    RecordingGateway gateway = new RecordingGateway();
    OrderExecutor none = new OrderExecutor("e1", order(ExecutionStrategy.LIMIT, 95, null), gateway);
    none.start(new Mid(1_000, 100));
    none.earlyStop(new Mid(1_010, 100), false);
    assertEquals(CloseType.EARLY_STOP, none.closeType());
    OrderExecutor some = new OrderExecutor("e2", order(ExecutionStrategy.LIMIT, 95, null), gateway);
    some.start(new Mid(1_000, 100));
    some.onOrderFilled(new OrderFill("o2", 1_001, 95, 0.5, 0, false));
    some.earlyStop(new Mid(1_010, 100), false);
    assertEquals(CloseType.POSITION_HOLD, some.closeType());
    assertEquals(List.of("o1", "o2"), gateway.cancelled);
    assertThrows(IllegalArgumentException.class, () -> order(ExecutionStrategy.LIMIT, Double.NaN, null));
    assertThrows(IllegalArgumentException.class, () -> order(ExecutionStrategy.LIMIT_CHASER, Double.NaN, null));
  }

  private static DCAExecutorConfig dca(DCAMode mode, List<Double> bounds, Long timeLimit) {
    return new DCAExecutorConfig(null, 1_000, "c1", "sim", "BTC-USDT", TradeType.SELL, 1, List.of(100.0, 105.0),
        List.of(100.0, 105.0), 0.02, 0.05, null, timeLimit, mode, bounds, "sell_0");
  }

  @Test
  void dcaMakerPlacesALevelOnlyWithinItsActivationBound() {
    RecordingGateway gateway = new RecordingGateway();
    DCAExecutor e = new DCAExecutor("e1", dca(DCAMode.MAKER, List.of(0.01), null), gateway);
    Mid market = new Mid(1_000, 98);
    e.start(market); // SELL 100 < 98 · 1.01 = 98.98? no
    assertTrue(gateway.placed.isEmpty());
    e.step(market.at(1_060, 99.5)); // 100 < 100.495
    assertEquals(new OrderRequest("sim", "BTC-USDT", TradeType.SELL, OrderType.LIMIT, 1, 100, PositionAction.OPEN),
        gateway.placed.getFirst());
    e.step(market.at(1_120, 100)); // level 1: 105 < 101? no
    assertEquals(1, gateway.placed.size());
  }

  @Test
  void dcaTimeLimitCancelsRestingLevelsAndClosesWhatFilled() {
    RecordingGateway gateway = new RecordingGateway();
    DCAExecutor e = new DCAExecutor("e1", dca(DCAMode.MAKER, null, 600L), gateway);
    Mid market = new Mid(1_000, 99);
    e.start(market);
    e.step(market.at(1_060, 99));
    assertEquals(2, gateway.placed.size());
    e.onOrderFilled(new OrderFill("o1", 1_100, 100, 1, 0.1, true));
    e.step(market.at(1_600, 99));
    assertEquals(CloseType.TIME_LIMIT, e.closeType());
    assertEquals(List.of("o2"), gateway.cancelled);
    OrderRequest close = gateway.placed.get(2);
    assertEquals(new OrderRequest("sim", "BTC-USDT", TradeType.BUY, OrderType.MARKET, 1, Double.NaN,
        PositionAction.CLOSE), close);
    e.onOrderFilled(new OrderFill("o3", 1_601, 99, 1, 0.099, true));
    assertEquals(ExecutorState.TERMINATED, e.state());
    assertEquals(1 - 0.199, e.netPnlQuote(), 1e-12);
  }

  @Test
  void dcaEarlyStopKeepingThePositionHoldsWhatFilled() {
    RecordingGateway gateway = new RecordingGateway();
    DCAExecutor e = new DCAExecutor("e1", dca(DCAMode.MAKER, null, null), gateway);
    e.start(new Mid(1_000, 99));
    e.onOrderFilled(new OrderFill("o1", 1_100, 100, 1, 0.1, true));
    e.earlyStop(new Mid(1_200, 98), true);
    assertEquals(CloseType.POSITION_HOLD, e.closeType());
    assertEquals(1, gateway.placed.size(), "no close order");
    assertEquals(0, e.filledAmountQuote());
  }

  private static GridExecutorConfig grid(int maxOpen, int batch, long frequency) {
    // 90..110, 100 quote, min spread 5 %, min order 10 -> 4 levels (90, 96.67, 103.33, 110) of 25 quote
    return new GridExecutorConfig(null, 1_000, "c1", "sim", "BTC-USDT", TradeType.BUY, 90, 110, 80, 100, 0.05, 10,
        maxOpen, batch, frequency, Double.NaN, 0.0001,
        TripleBarrierConfig.of(null, 0.01, null, null, OrderType.LIMIT_MAKER, OrderType.LIMIT_MAKER), 1, null,
        false, false);
  }

  @Test
  void gridPlacesNearestLevelsFirstWithinBatchFrequencyAndOpenOrderLimits() {
    RecordingGateway gateway = new RecordingGateway();
    GridExecutor e = new GridExecutor("g1", grid(3, 1, 60), gateway);
    Mid market = new Mid(1_000, 99);
    e.start(market);
    assertEquals(4, e.levelPrices().length);
    assertEquals(96.6666666667, gateway.placed.getFirst().price(), 1e-9, "nearest level first");
    e.step(market.at(1_030, 99));
    assertEquals(1, gateway.placed.size(), "order_frequency 60 s");
    e.step(market.at(1_060, 99));
    // next nearest: 103.33 is above the mid: a BUY there would cross, so it rests at mid · (1 − 0.0001)
    assertEquals(99 * (1 - 0.0001), gateway.placed.get(1).price(), 1e-12);
    e.step(market.at(1_120, 99));
    e.step(market.at(1_180, 99));
    assertEquals(3, gateway.placed.size(), "max_open_orders 3");
    e.onOrderFilled(new OrderFill("o1", 1_200, 96.6666666667, 25 / 96.6666666667, 0, true));
    e.step(market.at(1_210, 97));
    OrderRequest tp = gateway.placed.get(3);
    assertEquals(TradeType.SELL, tp.side());
    assertEquals(96.6666666667 * 1.01, tp.price(), 1e-9);
    assertEquals(PositionAction.CLOSE, tp.positionAction());
    assertTrue(e.isTrading());
  }

  @Test
  void gridAboveItsEndPriceTakesProfitAndSellsThePosition() {
    RecordingGateway gateway = new RecordingGateway();
    GridExecutor e = new GridExecutor("g1", grid(4, 0, 0), gateway);
    Mid market = new Mid(1_000, 100);
    e.start(market);
    e.onOrderFilled(new OrderFill("o1", 1_001, 103.3333333333, 25 / 103.3333333333, 0, true));
    e.step(market.at(1_060, 111));
    assertEquals(ExecutorState.SHUTTING_DOWN, e.state());
    OrderRequest close = gateway.placed.getLast();
    assertEquals(OrderType.MARKET, close.orderType());
    assertEquals(25 / 103.3333333333, close.amount(), 1e-12);
    e.onOrderFilled(new OrderFill(gateway.ids.getLast(), 1_061, 111, close.amount(), 0, true));
    assertEquals(CloseType.TAKE_PROFIT, e.closeType());
    assertEquals(close.amount() * 111 - 25, e.netPnlQuote(), 1e-9);
  }

  @Test
  void twapMakerRestsBehindTheMidAndResubmitsStaleOrders() {
    RecordingGateway gateway = new RecordingGateway();
    TwapExecutor e = new TwapExecutor("t1", new TwapExecutorConfig(null, 1_000, "c1", "sim", "BTC-USDT",
        TradeType.SELL, 1, 200, 60, 60, TwapMode.MAKER, 0.001, 30, null), gateway);
    Mid market = new Mid(1_000, 100);
    e.start(market);
    assertEquals(new OrderRequest("sim", "BTC-USDT", TradeType.SELL, OrderType.LIMIT, 1, 100.1 * 1,
        PositionAction.OPEN).price(), gateway.placed.getFirst().price(), 1e-12);
    e.onOrderFilled(new OrderFill("o1", 1_010, 100.1, 0.4, 0, false));
    e.step(market.at(1_030, 99));
    assertEquals(List.of("o1"), gateway.cancelled);
    assertEquals(0.6, gateway.placed.get(1).amount(), 1e-12);
    assertEquals(99 * 1.001, gateway.placed.get(1).price(), 1e-12);
    e.onOrderFilled(new OrderFill("o2", 1_040, 99.099, 0.6, 0, true));
    assertNull(e.closeType());
    e.step(market.at(1_060, 99));
    // second (last) order: remaining quote 200 − 40.04 − 59.4594 over 1 order at the mid 99
    assertEquals((200 - 40.04 - 59.4594) / 99, gateway.placed.get(2).amount(), 1e-12);
    e.onOrderFilled(new OrderFill("o3", 1_070, 99.099, gateway.placed.get(2).amount(), 0, true));
    assertEquals(CloseType.COMPLETED, e.closeType());
  }

  @Test
  void aStopWhileClosingForABarrierKeepsThatCloseType() {
    RecordingGateway gateway = new RecordingGateway();
    PositionExecutor position = new PositionExecutor("p1", new PositionExecutorConfig(null, 1_000, "c1", "sim",
        "BTC-USDT", TradeType.BUY, 100, 1, TripleBarrierConfig.of(0.03, null, null, null, OrderType.LIMIT,
        OrderType.MARKET), 1, "buy_0"), gateway);
    Mid market = new Mid(1_000, 100);
    position.start(market);
    position.onOrderFilled(new OrderFill("o1", 1_001, 100, 1, 0, true));
    position.step(market.at(1_060, 96));
    assertEquals(ExecutorState.SHUTTING_DOWN, position.state());
    position.earlyStop(market.at(1_120, 96), false); // e.g. a market-making refresh of a non-trading executor
    position.onOrderFilled(new OrderFill("o2", 1_121, 96, 1, 0, true));
    assertEquals(CloseType.STOP_LOSS, position.closeType());

    DCAExecutor dca = new DCAExecutor("d1", dca(DCAMode.MAKER, null, 600L), gateway);
    dca.start(market.at(1_000, 99));
    dca.onOrderFilled(new OrderFill(gateway.ids.getLast(), 1_001, 100, 1, 0, true));
    dca.step(market.at(1_600, 99));
    dca.earlyStop(market, false);
    dca.onOrderFilled(new OrderFill(gateway.ids.getLast(), 1_601, 99, 1, 0, true));
    assertEquals(CloseType.TIME_LIMIT, dca.closeType());
  }
}
