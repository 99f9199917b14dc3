package io.aviary.strategy.executor;

/** Hummingbot's {@code TWAPMode}: MARKET orders (TAKER) or LIMIT orders a buffer behind the mid (MAKER). */
public enum TwapMode {
  MAKER, TAKER
}
