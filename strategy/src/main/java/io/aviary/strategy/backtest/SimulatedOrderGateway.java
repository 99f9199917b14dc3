package io.aviary.strategy.backtest;

import io.aviary.strategy.executor.OrderFill;
import io.aviary.strategy.executor.OrderGateway;
import io.aviary.strategy.executor.OrderListener;
import io.aviary.strategy.executor.OrderRequest;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.market.Candles;
import java.util.ArrayList;

/**
 * Fills orders against the candles that close after they were placed (never the candle whose close the decision
 * saw): MARKET at the next candle's open (worse by {@code slippage}); a limit BUY when the candle's low reaches its
 * price, at {@code min(price, open)} (a SELL mirrored), whole amount at once. Fee = {@code trade_cost} × notional,
 * per fill. Cancellation is immediate and confirmed before {@link #cancelOrder} returns.
 */
final class SimulatedOrderGateway implements OrderGateway {
  private final Candles candles;
  private final double tradeCost;
  private final double slippage;
  private final ArrayList<Pending> pending = new ArrayList<>();
  private long nextId = 1;
  private double volumeQuote;

  SimulatedOrderGateway(Candles candles, double tradeCost, double slippage) {
    this.candles = candles;
    this.tradeCost = tradeCost;
    this.slippage = slippage;
  }

  private static final class Pending {
    final String id;
    final OrderRequest request;
    final OrderListener listener;
    boolean live = true;

    Pending(String id, OrderRequest request, OrderListener listener) {
      this.id = id;
      this.request = request;
      this.listener = listener;
    }
  }

  @Override
  public String placeOrder(OrderRequest request, OrderListener listener) {
    String id = "bt-o" + nextId++;
    pending.add(new Pending(id, request, listener));
    return id;
  }

  @Override
  public void cancelOrder(String orderId) {
    for (int i = 0, n = pending.size(); i < n; i++) {
      Pending p = pending.get(i);
      if (p.live && p.id.equals(orderId)) {
        p.live = false;
        p.listener.onOrderCancelled(orderId);
        return;
      }
    }
  }

  /** Fills what candle {@code i} reaches among the orders placed before it. */
  void fillAgainst(int i) {
    int n = pending.size();
    if (n == 0) {
      return;
    }
    double open = candles.open()[i];
    for (int k = 0; k < n; k++) {
      Pending p = pending.get(k);
      if (!p.live) {
        continue;
      }
      OrderRequest r = p.request;
      boolean buy = r.side() == TradeType.BUY;
      double price;
      long at;
      if (r.orderType() == OrderType.MARKET) {
        price = open * (buy ? 1 + slippage : 1 - slippage);
        at = candles.timestamp()[i];
      } else if (buy ? candles.low()[i] <= r.price() : candles.high()[i] >= r.price()) {
        price = buy ? Math.min(r.price(), open) : Math.max(r.price(), open);
        at = candles.closeTime(i);
      } else {
        continue;
      }
      p.live = false;
      double notional = price * r.amount();
      volumeQuote += notional;
      p.listener.onOrderFilled(new OrderFill(p.id, at, price, r.amount(), notional * tradeCost, true));
    }
    pending.removeIf(p -> !p.live);
  }

  double volumeQuote() {
    return volumeQuote;
  }
}
