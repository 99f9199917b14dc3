package io.aviary.strategy.executor;

/** Hummingbot's {@code TradeType}; {@link #code()} is its enum value as serialized in JSON ({@code "side": 1}). */
public enum TradeType {
  BUY(1), SELL(2), RANGE(3);

  private final int code;

  TradeType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** +1 for BUY, -1 for SELL (RANGE has no direction: 0). */
  public int sign() {
    return this == BUY ? 1 : this == SELL ? -1 : 0;
  }

  public TradeType opposite() {
    return this == BUY ? SELL : this == SELL ? BUY : RANGE;
  }
}
