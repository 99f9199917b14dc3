package io.aviary.strategy.executor;

/** Hummingbot's {@code DCAMode}: levels as resting LIMIT orders (MAKER) or MARKET orders near the price (TAKER). */
public enum DCAMode {
  MAKER, TAKER
}
