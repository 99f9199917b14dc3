package io.aviary.strategy.executor;

/** Hummingbot's {@code CloseType}; {@link #code()} is its enum value ({@code "close_type": 3}). */
public enum CloseType {
  TIME_LIMIT(1), STOP_LOSS(2), TAKE_PROFIT(3), EXPIRED(4), EARLY_STOP(5), TRAILING_STOP(6),
  INSUFFICIENT_BALANCE(7), FAILED(8), COMPLETED(9), POSITION_HOLD(10);

  private final int code;

  CloseType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
