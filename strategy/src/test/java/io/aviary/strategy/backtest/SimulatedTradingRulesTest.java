package io.aviary.strategy.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aviary.strategy.executor.OrderFill;
import io.aviary.strategy.executor.OrderListener;
import io.aviary.strategy.executor.OrderRequest;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.PositionAction;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.TradingRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated venue rounds orders to the increments and refuses those below the minimums, as a venue does. */
class SimulatedTradingRulesTest {
  // two 1m candles around 30,000
  private static final Candles CANDLES = Candles.of(60, new long[] {0, 60}, new double[] {30_000, 30_000},
      new double[] {30_100, 30_100}, new double[] {29_000, 8_000}, new double[] {30_000, 30_000},
      new double[] {1, 1});

  private static final class Recorder implements OrderListener {
    final List<OrderFill> fills = new ArrayList<>();
    final List<String> failed = new ArrayList<>();

    @Override
    public void onOrderFilled(OrderFill fill) {
      fills.add(fill);
    }

    @Override
    public void onOrderCancelled(String orderId) {
    }

    @Override
    public void onOrderFailed(String orderId) {
      failed.add(orderId);
    }
  }

  private static OrderRequest buy(OrderType type, double amount, double price) {
    return new OrderRequest("sim", "BTC-USDT", TradeType.BUY, type, amount, price, PositionAction.OPEN);
  }

  @Test
  void ordersAreRoundedDownToTheIncrementsAndThoseBelowTheMinimumsRefused() {
    // amount step 0.001, tick 0.01, min notional 10
    SimulatedOrderGateway venue = new SimulatedOrderGateway(CANDLES, 0, 0, false, new TradingRules(0, 10, 0.01, 0.001));
    Recorder listener = new Recorder();
    venue.fillAgainst(0); // the decision sees candle 0's close, 30,000
    String market = venue.placeOrder(buy(OrderType.MARKET, 0.0012345, Double.NaN), listener);
    String limit = venue.placeOrder(buy(OrderType.LIMIT, 0.0012345, 29_000.005), listener);
    String tooSmall = venue.placeOrder(buy(OrderType.MARKET, 0.0009, Double.NaN), listener); // rounds to 0
    String lowNotional = venue.placeOrder(buy(OrderType.LIMIT, 0.001, 9_000.5), listener); // 9.0005 < 10
    venue.fillAgainst(1);
    assertEquals(List.of(tooSmall, lowNotional), listener.failed);
    assertEquals(2, listener.fills.size());
    assertEquals(new OrderFill(market, 60, 30_000, 0.001, 0, true), listener.fills.get(0));
    OrderFill limitFill = listener.fills.get(1);
    assertEquals(limit, limitFill.orderId());
    assertEquals(0.001, limitFill.amount());
    assertEquals(29_000.0, limitFill.price(), 1e-9, "price rounded down to the tick: 29,000.005 → 29,000.00");
    assertEquals(0.001 * 30_000 + 0.001 * 29_000, venue.volumeQuote(), 1e-9);
  }

  @Test
  void aMarketOrderIsJudgedAtTheCloseTheDecisionSaw() {
    SimulatedOrderGateway venue = new SimulatedOrderGateway(CANDLES, 0, 0, false, new TradingRules(0, 40, 0, 0.001));
    Recorder listener = new Recorder();
    venue.fillAgainst(0);
    String refused = venue.placeOrder(buy(OrderType.MARKET, 0.001, Double.NaN), listener); // 30 < 40
    String taken = venue.placeOrder(buy(OrderType.MARKET, 0.002, Double.NaN), listener); // 60
    venue.fillAgainst(1);
    assertEquals(List.of(refused), listener.failed);
    assertEquals(taken, listener.fills.getFirst().orderId());
  }
}
