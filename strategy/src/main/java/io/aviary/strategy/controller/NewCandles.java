package io.aviary.strategy.controller;

import io.aviary.strategy.market.Candles;

/**
 * Remembers the last candle a controller consumed, by open timestamp, so each call feeds its streaming indicators
 * only the candles closed since, whether the host shows the whole history or a sliding window.
 */
final class NewCandles {
  private long lastSeen = Long.MIN_VALUE;

  /** Index of the first candle not seen yet ({@code candles.size()} when none); marks all as seen. */
  int startOf(Candles candles) {
    long[] ts = candles.timestamp();
    int last = candles.lastIndex();
    int from = last;
    while (from >= 0 && ts[from] > lastSeen) {
      from--;
    }
    if (last >= 0) {
      lastSeen = Math.max(lastSeen, ts[last]);
    }
    return from + 1;
  }
}
