package io.aviary.strategy.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import io.aviary.strategy.market.TradingRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The executor against a live-style gateway: partial fills, cancels, failures, early stops. */
class PositionExecutorTest {

  static final class RecordingGateway implements OrderGateway {
    final List<OrderRequest> placed = new ArrayList<>();
    final List<String> ids = new ArrayList<>();
    final List<String> cancelled = new ArrayList<>();

    @Override
    public String placeOrder(OrderRequest request, OrderListener listener) {
      placed.add(request);
      String id = "o" + placed.size();
      ids.add(id);
      return id;
    }

    @Override
    public void cancelOrder(String orderId) {
      cancelled.add(orderId);
    }
  }

  /** A market at one mid price, without trading rules unless given some. */
  static final class Mid implements MarketView {
    final TradingRules rules;
    long now;
    double mid;

    Mid(long now, double mid) {
      this(TradingRules.NONE, now, mid);
    }

    Mid(TradingRules rules, long now, double mid) {
      this.rules = rules;
      this.now = now;
      this.mid = mid;
    }

    @Override
    public TradingRules tradingRules() {
      return rules;
    }

    Mid at(long t, double price) {
      now = t;
      mid = price;
      return this;
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public String connectorName() {
      return "sim";
    }

    @Override
    public String tradingPair() {
      return "BTC-USDT";
    }

    @Override
    public Candles candles() {
      throw new UnsupportedOperationException();
    }

    @Override
    public double midPrice() {
      return mid;
    }

    @Override
    public double lastPrice() {
      return mid;
    }
  }

  private static PositionExecutorConfig config(TradeType side, TripleBarrierConfig barriers) {
    return new PositionExecutorConfig(null, 1_000, "c1", "sim", "BTC-USDT", side, 100, 2, barriers, 1, "buy_0");
  }

  private static final TripleBarrierConfig LIMIT_OPEN =
      TripleBarrierConfig.of(0.05, 0.05, 600L, null, OrderType.LIMIT, OrderType.MARKET);

  @Test
  void partiallyFilledOpenAtTimeLimitIsCancelledAndOnlyTheFilledPartClosed() {
    RecordingGateway gateway = new RecordingGateway();
    Mid market = new Mid(1_000, 101);
    PositionExecutor e = new PositionExecutor("e1", config(TradeType.BUY, LIMIT_OPEN), gateway);
    e.start(market);
    assertEquals(new OrderRequest("sim", "BTC-USDT", TradeType.BUY, OrderType.LIMIT, 2, 100, PositionAction.OPEN),
        gateway.placed.getFirst());
    e.onOrderFilled(new OrderFill("o1", 1_010, 100, 0.5, 0.05, false));
    assertTrue(e.isTrading());
    e.step(market.at(1_600, 102));
    assertEquals(List.of("o1"), gateway.cancelled);
    e.onOrderCancelled("o1");
    e.step(market.at(1_601, 102));
    OrderRequest close = gateway.placed.get(1);
    assertEquals(TradeType.SELL, close.side());
    assertEquals(OrderType.MARKET, close.orderType());
    assertEquals(0.5, close.amount());
    assertEquals(PositionAction.CLOSE, close.positionAction());
    e.onOrderFilled(new OrderFill("o2", 1_602, 102, 0.5, 0.051, true));
    assertEquals(ExecutorState.TERMINATED, e.state());
    assertEquals(CloseType.TIME_LIMIT, e.closeType());
    assertEquals(1_602, e.closeTimestamp());
    assertEquals(1 - 0.101, e.netPnlQuote(), 1e-12);
    assertEquals(50 + 51, e.filledAmountQuote(), 1e-12);
  }

  @Test
  void earlyStopKeepingThePositionIsAPositionHoldWithoutPnlOrVolume() {
    RecordingGateway gateway = new RecordingGateway();
    Mid market = new Mid(1_000, 100);
    PositionExecutor e = new PositionExecutor("e1", config(TradeType.SELL, LIMIT_OPEN), gateway);
    e.start(market);
    e.onOrderFilled(new OrderFill("o1", 1_001, 100, 2, 0.2, true));
    e.step(market.at(1_010, 99));
    assertEquals(2 - 0.2, e.netPnlQuote(), 1e-12, "marked at the best ask while running");
    e.earlyStop(market, true);
    assertEquals(CloseType.POSITION_HOLD, e.closeType());
    assertEquals(-0.2, e.netPnlQuote(), 1e-12, "trade PnL is 0 for POSITION_HOLD; fees stay");
    assertEquals(0, e.filledAmountQuote());
    assertEquals(1, gateway.placed.size(), "nothing closed");
  }

  @Test
  void earlyStopWithoutKeepingClosesAtMarketAsEarlyStop() {
    RecordingGateway gateway = new RecordingGateway();
    Mid market = new Mid(1_000, 100);
    PositionExecutor e = new PositionExecutor("e1", config(TradeType.BUY, LIMIT_OPEN), gateway);
    e.start(market);
    e.onOrderFilled(new OrderFill("o1", 1_001, 100, 2, 0, true));
    e.earlyStop(market.at(1_005, 100.5), false);
    assertEquals(ExecutorState.SHUTTING_DOWN, e.state());
    e.onOrderFilled(new OrderFill("o2", 1_006, 100.5, 2, 0, true));
    assertEquals(CloseType.EARLY_STOP, e.closeType());
    assertEquals(1.0, e.netPnlQuote(), 1e-12);
  }

  @Test
  void lostCloseOrdersAreRetriedThenTheExecutorFails() {
    RecordingGateway gateway = new RecordingGateway();
    Mid market = new Mid(1_000, 100);
    PositionExecutor e = new PositionExecutor("e1", config(TradeType.BUY, LIMIT_OPEN), gateway);
    e.start(market);
    e.onOrderFilled(new OrderFill("o1", 1_001, 100, 2, 0, true));
    e.step(market.at(1_002, 94));
    assertEquals(CloseType.STOP_LOSS, e.closeType());
    for (int attempt = 0; attempt <= 10; attempt++) {
      e.onOrderFailed(gateway.ids.getLast());
      e.step(market.at(1_003 + attempt, 94));
    }
    assertEquals(CloseType.FAILED, e.closeType());
    assertEquals(ExecutorState.TERMINATED, e.state());
    assertEquals(12, gateway.placed.size(), "open + 11 close attempts");
    assertEquals(0, e.netPnlQuote(), "FAILED books no trade PnL");
  }

  @Test
  void alreadyExpiredAtStartIsExpiredWithoutOrders() {
    RecordingGateway gateway = new RecordingGateway();
    PositionExecutor e = new PositionExecutor("e1", config(TradeType.BUY, LIMIT_OPEN), gateway);
    e.start(new Mid(1_600, 100));
    assertEquals(CloseType.EXPIRED, e.closeType());
    assertTrue(gateway.placed.isEmpty());
  }

  @Test
  void noBarrierIsEvaluatedBeforeTheOpenOrderIsComplete() {
    RecordingGateway gateway = new RecordingGateway();
    Mid market = new Mid(1_000, 100);
    PositionExecutor e = new PositionExecutor("e1", config(TradeType.BUY, LIMIT_OPEN), gateway);
    e.start(market);
    e.onOrderFilled(new OrderFill("o1", 1_001, 100, 1, 0, false));
    e.step(market.at(1_002, 80));
    assertNull(e.closeType());
    assertEquals(ExecutorState.RUNNING, e.state());
  }

  @Test
  void stopLossAndTimeLimitMustBeMarketOrders() {
    assertThrows(IllegalArgumentException.class, () -> new TripleBarrierConfig(0.01, null, null, null,
        OrderType.LIMIT, OrderType.MARKET, OrderType.LIMIT, OrderType.MARKET));
    assertThrows(IllegalArgumentException.class, () -> new TripleBarrierConfig(0.01, null, null, null,
        OrderType.LIMIT, OrderType.MARKET, OrderType.MARKET, OrderType.LIMIT_MAKER));
  }
}
