package io.aviary.bot.runtime;

import io.aviary.connectors.model.OrderRequest;
import io.aviary.strategy.executor.OrderListener;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * One order the bot placed and has not seen end, as the strategy thread knows it (Hummingbot's
 * {@code InFlightOrder}). Only the strategy thread touches it.
 */
final class TrackedOrder {
  final OrderRequest request;
  final OrderListener listener;
  final String controllerId;
  final int leverage;
  final long createdAtMs;
  /** Trade ids already delivered, so a fill seen on the stream and again by reconciliation counts once. */
  final Set<String> tradeIds = new HashSet<>();
  String exchangeOrderId;
  BigDecimal executedBase = BigDecimal.ZERO;
  BigDecimal executedQuote = BigDecimal.ZERO;
  /** The venue acknowledged it (an answer to the placement, a stream update or a status query). */
  boolean confirmed;
  boolean createdEmitted;
  boolean cancelRequested;
  boolean done;

  TrackedOrder(OrderRequest request, OrderListener listener, String controllerId, int leverage, long createdAtMs) {
    this.request = request;
    this.listener = listener;
    this.controllerId = controllerId;
    this.leverage = leverage;
    this.createdAtMs = createdAtMs;
  }

  String id() {
    return request.clientOrderId();
  }

  boolean isFullyFilled() {
    return executedBase.compareTo(request.amount()) >= 0;
  }
}
