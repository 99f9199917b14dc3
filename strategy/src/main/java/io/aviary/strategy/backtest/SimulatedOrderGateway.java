package io.aviary.strategy.backtest;

import io.aviary.strategy.executor.OrderFill;
import io.aviary.strategy.executor.OrderGateway;
import io.aviary.strategy.executor.OrderListener;
import io.aviary.strategy.executor.OrderRequest;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.TradingRules;
import java.util.ArrayList;
import java.util.IdentityHashMap;

/**
 * Fills orders against the candles that close after they were placed (never the candle whose close the decision
 * saw): MARKET at the next candle's open (worse by {@code slippage}); a limit BUY when the candle's low reaches its
 * price, at {@code min(price, open)} (a SELL mirrored), whole amount at once. Fee = {@code trade_cost} × notional,
 * per fill. Cancellation is immediate and confirmed before {@link #cancelOrder} returns. When asked to (perpetuals), it
 * also keeps each listener's (executor's) signed filled base, the position funding is paid on: every fill of a
 * backtest passes through here, so the figure is exact for every executor type without asking the executors.
 *
 * <p>The market's {@link TradingRules} apply as a venue (and the live order gateways) apply them: at placement the
 * amount and a limit price are rounded down to their increments and the order trades with those values; an order
 * whose rounded amount is below the minimum order size, or whose notional (at its rounded limit price; a MARKET
 * order at the close the decision saw) is below the minimum notional, is refused: it never fills and its listener
 * hears {@link OrderListener#onOrderFailed} at the next candle, as the live gateways report a refusal after the
 * placing call returned.
 */
final class SimulatedOrderGateway implements OrderGateway {
  private final Candles candles;
  private final double tradeCost;
  private final double slippage;
  private final TradingRules rules;
  private final ArrayList<Pending> pending = new ArrayList<>();
  /** Orders the rules refused, reported failed at the next {@link #fillAgainst}; empty unless something was refused. */
  private final ArrayList<Pending> refused = new ArrayList<>();
  /** The close of the candle last filled against: the price a MARKET order's notional is judged at. */
  private double lastClose = Double.NaN;
  /** Signed filled base per listener, one cell each (created at its first order, never per candle); null: untracked. */
  private final IdentityHashMap<OrderListener, double[]> positions;
  /** The one cell every order writes to when positions are not tracked (spot: nobody reads it). */
  private final double[] untracked = new double[1];
  private long nextId = 1;
  private double volumeQuote;

  /**
   * @param trackPositions keep each listener's signed filled base ({@link #positionBase}), for funding
   * @param rules the market's trading rules orders are rounded and checked by ({@link TradingRules#NONE}: none)
   */
  SimulatedOrderGateway(Candles candles, double tradeCost, double slippage, boolean trackPositions,
      TradingRules rules) {
    this.candles = candles;
    this.rules = rules;
    this.tradeCost = tradeCost;
    this.slippage = slippage;
    this.positions = trackPositions ? new IdentityHashMap<>() : null;
  }

  private static final class Pending {
    final String id;
    final OrderRequest request;
    final OrderListener listener;
    final double[] position;
    boolean live = true;

    Pending(String id, OrderRequest request, OrderListener listener, double[] position) {
      this.id = id;
      this.request = request;
      this.listener = listener;
      this.position = position;
    }
  }

  @Override
  public String placeOrder(OrderRequest request, OrderListener listener) {
    String id = "bt-o" + nextId++;
    double[] position = positions == null ? untracked : positions.computeIfAbsent(listener, l -> new double[1]);
    double amount = rules.quantizeAmount(request.amount());
    boolean market = request.orderType() == OrderType.MARKET;
    double price = market ? request.price() : rules.quantizePrice(request.price());
    // the order trades as rounded; a new request only when rounding changed it (never without rules)
    OrderRequest placed = amount == request.amount() && (market || price == request.price()) ? request
        : new OrderRequest(request.connectorName(), request.tradingPair(), request.side(), request.orderType(),
            amount, price, request.positionAction());
    Pending order = new Pending(id, placed, listener, position);
    if (rules.meetsMinimumSize(amount) && rules.meetsMinimumNotional(amount, market ? lastClose : price)) {
      pending.add(order);
    } else {
      refused.add(order);
    }
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
    lastClose = candles.close()[i];
    if (!refused.isEmpty()) {
      reportRefused();
    }
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
      p.position[0] += buy ? r.amount() : -r.amount();
      p.listener.onOrderFilled(new OrderFill(p.id, at, price, r.amount(), notional * tradeCost, true));
    }
    pending.removeIf(p -> !p.live);
  }

  /** Tells the listeners of refused orders (copied first: a listener may place again, which may be refused too). */
  private void reportRefused() {
    Pending[] failed = refused.toArray(new Pending[0]);
    refused.clear();
    for (Pending p : failed) {
      p.listener.onOrderFailed(p.id);
    }
  }

  /** What {@code listener}'s orders filled so far, signed (+ bought, − sold), in base; 0 when untracked. */
  double positionBase(OrderListener listener) {
    double[] cell = positions == null ? null : positions.get(listener);
    return cell == null ? 0 : cell[0];
  }

  double volumeQuote() {
    return volumeQuote;
  }
}
