package io.aviary.strategy.executor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The orders one executor placed and what each filled, kept only for executors that are checkpointed (live hosts):
 * it is what a checkpoint lists for reconciliation, and the filter that makes a fill delivered twice harmless.
 * A fill counts once: its order must be known and {@link CheckpointOrder.Status#OPEN}, and its trade id (when it
 * has one) not yet counted for that order.
 */
final class OrderJournal {
  private final LinkedHashMap<String, Entry> orders = new LinkedHashMap<>();

  private static final class Entry {
    final String role;
    final int level;
    final OrderRequest request;
    double base;
    double quote;
    double fees;
    boolean cancelRequested;
    CheckpointOrder.Status status = CheckpointOrder.Status.OPEN;
    final LinkedHashSet<String> tradeIds = new LinkedHashSet<>();

    Entry(String role, int level, OrderRequest request) {
      this.role = role;
      this.level = level;
      this.request = request;
    }
  }

  void placed(String orderId, String role, int level, OrderRequest request) {
    orders.put(orderId, new Entry(role, level, request));
  }

  void cancelRequested(String orderId) {
    Entry e = orders.get(orderId);
    if (e != null) {
      e.cancelRequested = true;
    }
  }

  /** True when {@code fill} is new and is now counted; false for a repeat or a fill of no open order of ours. */
  boolean accept(OrderFill fill) {
    Entry e = orders.get(fill.orderId());
    if (e == null || e.status != CheckpointOrder.Status.OPEN) {
      return false;
    }
    if (fill.tradeId() != null && !e.tradeIds.add(fill.tradeId())) {
      return false;
    }
    e.base += fill.amount();
    e.quote += fill.amount() * fill.price();
    e.fees += fill.feeQuote();
    if (fill.completesOrder()) {
      e.status = CheckpointOrder.Status.FILLED;
    }
    return true;
  }

  /** Records the order's end; false (ignore the outcome) when it is unknown or had already ended. */
  boolean ended(String orderId, CheckpointOrder.Status status) {
    Entry e = orders.get(orderId);
    if (e == null || e.status != CheckpointOrder.Status.OPEN) {
      return false;
    }
    e.status = status;
    return true;
  }

  List<CheckpointOrder> snapshot() {
    List<CheckpointOrder> list = new ArrayList<>(orders.size());
    orders.forEach((id, e) -> {
      OrderRequest r = e.request;
      list.add(new CheckpointOrder(id, e.role, e.level, r.side(), r.orderType(), r.amount(), r.price(),
          r.positionAction(), e.base, e.quote, e.fees, e.cancelRequested, e.status, List.copyOf(e.tradeIds)));
    });
    return list;
  }

  static OrderJournal restore(List<CheckpointOrder> orders, ExecutorConfig config) {
    OrderJournal journal = new OrderJournal();
    for (CheckpointOrder o : orders) {
      ConnectorPair market = config.marketOf(o.role());
      Entry e = new Entry(o.role(), o.level(), new OrderRequest(market.connectorName(), market.tradingPair(),
          o.side(), o.orderType(), o.amount(), o.price(), o.positionAction()));
      e.base = o.filledBase();
      e.quote = o.filledQuote();
      e.fees = o.feesQuote();
      e.cancelRequested = o.cancelRequested();
      e.status = o.status();
      e.tradeIds.addAll(o.tradeIds());
      journal.orders.put(o.clientOrderId(), e);
    }
    return journal;
  }
}
