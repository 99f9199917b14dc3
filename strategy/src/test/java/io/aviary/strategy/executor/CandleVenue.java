package io.aviary.strategy.executor;

import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A venue for the checkpoint tests: it outlives the process that trades on it. Orders fill against candles (MARKET at
 * the candle's open; a limit when the candle reaches its price, at most half the order's amount per candle, so
 * limit orders fill in parts), every fill is a trade with its own id, fee 0.1 % of the notional. Processes talk to it
 * through a {@link Session} (their {@link OrderGateway}); a killed process's session is dropped and the venue keeps
 * filling its orders, as an exchange does.
 */
final class CandleVenue {
  static final long INTERVAL = 60;
  static final long T0 = 1_000_000;
  static final double FEE = 0.001;

  final double[] open;
  final double[] high;
  final double[] low;
  final double[] close;
  final List<OrderRequest> placed = new ArrayList<>();
  final List<Trade> trades = new ArrayList<>();
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private Session session;

  record Trade(long sequence, OrderFill fill) {}

  private static final class Order {
    final String id;
    final OrderRequest request;
    double filled;
    boolean live = true;
    boolean cancelled;

    Order(String id, OrderRequest request) {
      this.id = id;
      this.request = request;
    }
  }

  /** A path of closes: each candle opens at the previous close, high/low 0.3 beyond its body. */
  CandleVenue(double... closes) {
    int n = closes.length;
    open = new double[n];
    high = new double[n];
    low = new double[n];
    close = closes.clone();
    for (int i = 0; i < n; i++) {
      open[i] = i == 0 ? closes[0] : closes[i - 1];
      high[i] = Math.max(open[i], close[i]) + 0.3;
      low[i] = Math.min(open[i], close[i]) - 0.3;
    }
  }

  int size() {
    return close.length;
  }

  /** A new process's connection; the previous one (a killed process) hears nothing any more. */
  Session connect() {
    session = new Session();
    return session;
  }

  /** The market at the close of candle {@code i}. */
  MarketView marketAt(int i) {
    return new Market(i);
  }

  /** Fills what candle {@code i} reaches; the trades go to the current session's listeners (none: lost to them). */
  void fillAgainst(int i) {
    for (Order o : new ArrayList<>(orders.values())) {
      if (!o.live) {
        continue;
      }
      OrderRequest r = o.request;
      boolean buy = r.side() == TradeType.BUY;
      double price;
      double amount;
      long at;
      if (r.orderType() == OrderType.MARKET) {
        price = open[i];
        amount = r.amount() - o.filled;
        at = T0 + i * INTERVAL;
      } else if (buy ? low[i] <= r.price() : high[i] >= r.price()) {
        price = buy ? Math.min(r.price(), open[i]) : Math.max(r.price(), open[i]);
        amount = Math.min(r.amount() - o.filled, r.amount() / 2);
        at = closeTime(i);
      } else {
        continue;
      }
      o.filled += amount;
      boolean completes = r.amount() - o.filled <= 1e-12;
      o.live = !completes;
      long sequence = trades.size() + 1;
      OrderFill fill = new OrderFill(o.id, at, price, amount, price * amount * FEE, completes, "t" + sequence);
      trades.add(new Trade(sequence, fill));
      OrderListener listener = session.listeners.get(o.id);
      if (listener != null) {
        listener.onOrderFilled(fill);
      }
    }
  }

  static long closeTime(int i) {
    return T0 + (i + 1) * INTERVAL;
  }

  /**
   * What a restarted host does for a resumed executor: it binds the checkpoint's open orders to it and delivers
   * every trade the venue has for them, in the venue's order ({@code times} times: the repeats must be harmless),
   * then the end of each order the venue no longer has without a complete fill.
   */
  void reconcile(ExecutorCheckpoint checkpoint, Executor resumed, int times) {
    List<String> ids = checkpoint.openOrders().stream().map(CheckpointOrder::clientOrderId).toList();
    ids.forEach(id -> session.listeners.put(id, resumed));
    List<Trade> theirs = trades.stream().filter(t -> ids.contains(t.fill().orderId()))
        .sorted(Comparator.comparingLong(Trade::sequence)).toList();
    for (int k = 0; k < times; k++) {
      theirs.forEach(t -> resumed.onOrderFilled(t.fill()));
    }
    for (String id : ids) {
      if (orders.get(id).cancelled) {
        resumed.onOrderCancelled(id);
      }
    }
  }

  /** One process's gateway to the venue. */
  final class Session implements OrderGateway {
    private final Map<String, OrderListener> listeners = new HashMap<>();

    @Override
    public String placeOrder(OrderRequest request, OrderListener listener) {
      placed.add(request);
      String id = "v" + placed.size();
      orders.put(id, new Order(id, request));
      listeners.put(id, listener);
      return id;
    }

    @Override
    public void cancelOrder(String orderId) {
      Order o = orders.get(orderId);
      if (o != null && o.live) {
        o.live = false;
        o.cancelled = true;
        OrderListener listener = listeners.get(orderId);
        if (listener != null) {
          listener.onOrderCancelled(orderId);
        }
      }
    }
  }

  private final class Market implements MarketView {
    private final int i;

    Market(int i) {
      this.i = i;
    }

    @Override
    public long now() {
      return closeTime(i);
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
      throw new UnsupportedOperationException("executors do not read candles");
    }

    @Override
    public double midPrice() {
      return close[i];
    }

    @Override
    public double lastPrice() {
      return close[i];
    }

    @Override
    public double lowSinceLastStep() {
      return low[i];
    }

    @Override
    public double highSinceLastStep() {
      return high[i];
    }
  }
}
