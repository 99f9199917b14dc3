package io.aviary.strategy.executor;

/**
 * How an executor places and cancels orders. The backtester implements it with simulated fills over candles, the
 * bot with live connectors, the executors host with trading-service sessions; the executor is the same class.
 * Outcomes arrive through the {@link OrderListener} given at placement: fills never re-entrantly from inside
 * {@link #placeOrder}; a cancellation may be confirmed before {@link #cancelOrder} returns (the backtester does).
 */
public interface OrderGateway {

  /** Places an order and returns its client order id. */
  String placeOrder(OrderRequest request, OrderListener listener);

  /** Requests cancellation; the outcome arrives as {@link OrderListener#onOrderCancelled} (or a last fill). */
  void cancelOrder(String orderId);
}
