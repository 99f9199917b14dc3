package io.aviary.strategy.executor;

/** The id of an executor's one resting order, null while none rests. */
final class RestingOrder {
  String id;

  boolean is(String orderId) {
    return orderId.equals(id);
  }

  boolean isLive() {
    return id != null;
  }

  /** Forgets {@code orderId} if it is the resting one (cancelled or failed). */
  void forget(String orderId) {
    if (orderId.equals(id)) {
      id = null;
    }
  }
}
