package io.aviary.strategy.executor;

/** Hummingbot's {@code ExecutionStrategy} of an order executor. */
public enum ExecutionStrategy {
  LIMIT, LIMIT_MAKER, MARKET, LIMIT_CHASER;

  /** The order type placed: MARKET → MARKET, LIMIT → LIMIT, LIMIT_MAKER and LIMIT_CHASER → LIMIT_MAKER. */
  public OrderType orderType() {
    return switch (this) {
      case MARKET -> OrderType.MARKET;
      case LIMIT -> OrderType.LIMIT;
      case LIMIT_MAKER, LIMIT_CHASER -> OrderType.LIMIT_MAKER;
    };
  }
}
