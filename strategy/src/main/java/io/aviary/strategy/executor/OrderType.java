package io.aviary.strategy.executor;

/** Hummingbot's {@code OrderType} (the values executors use); {@link #code()} is its enum value. */
public enum OrderType {
  MARKET(1), LIMIT(2), LIMIT_MAKER(3);

  private final int code;

  OrderType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public boolean isLimit() {
    return this != MARKET;
  }
}
