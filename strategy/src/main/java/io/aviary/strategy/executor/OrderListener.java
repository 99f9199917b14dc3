package io.aviary.strategy.executor;

/** Receives what happens to orders placed through an {@link OrderGateway}. Called on the executor's thread. */
public interface OrderListener {

  void onOrderFilled(OrderFill fill);

  /** Cancelled (on request or by the venue) with whatever was filled so far. */
  void onOrderCancelled(String orderId);

  /** Rejected or lost; nothing (more) will be filled. */
  void onOrderFailed(String orderId);
}
