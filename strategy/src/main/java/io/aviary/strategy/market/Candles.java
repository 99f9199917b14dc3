package io.aviary.strategy.market;

import java.util.Arrays;

/**
 * OHLCV candles as primitive column arrays, oldest first.
 *
 * <p>Only the first {@link #size()} entries of each array are candles; a prefix view ({@link #prefix(int)}) shares
 * the arrays of the full series without copying, which is how the backtester shows a controller "the candles closed
 * so far" at every step without allocating arrays. Readers must never look at indexes {@code >= size()}: that is
 * the future. The arrays are exposed for speed and must not be modified.
 *
 * @param timestamp candle open time, epoch seconds
 * @param intervalSeconds candle length in seconds (60 for 1m); a candle opened at {@code t} is closed at
 *     {@code t + intervalSeconds}
 */
public record Candles(
    long[] timestamp, double[] open, double[] high, double[] low, double[] close, double[] volume, int size,
    long intervalSeconds) {

  public Candles {
    int n = timestamp.length;
    if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
      throw new IllegalArgumentException("candle columns must have the same length");
    }
    if (size < 0 || size > n) {
      throw new IllegalArgumentException("size " + size + " outside [0, " + n + "]");
    }
    if (intervalSeconds <= 0) {
      throw new IllegalArgumentException("intervalSeconds must be > 0");
    }
  }

  /** All candles of the given columns (size = array length). */
  public static Candles of(
      long intervalSeconds, long[] timestamp, double[] open, double[] high, double[] low, double[] close,
      double[] volume) {
    return new Candles(timestamp, open, high, low, close, volume, timestamp.length, intervalSeconds);
  }

  /** A view of the first {@code n} candles sharing these arrays. */
  public Candles prefix(int n) {
    return n == size ? this : new Candles(timestamp, open, high, low, close, volume, n, intervalSeconds);
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Close time (epoch seconds) of candle {@code i}: the moment its values become known. */
  public long closeTime(int i) {
    return timestamp[i] + intervalSeconds;
  }

  /** Index of the last candle, or -1 when empty. */
  public int lastIndex() {
    return size - 1;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Candles c) || c.size != size || c.intervalSeconds != intervalSeconds) {
      return false;
    }
    return Arrays.equals(timestamp, 0, size, c.timestamp, 0, size)
        && Arrays.equals(open, 0, size, c.open, 0, size)
        && Arrays.equals(high, 0, size, c.high, 0, size)
        && Arrays.equals(low, 0, size, c.low, 0, size)
        && Arrays.equals(close, 0, size, c.close, 0, size)
        && Arrays.equals(volume, 0, size, c.volume, 0, size);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(size == 0 ? 0 : timestamp[size - 1]) * 31 + size;
  }

  @Override
  public String toString() {
    return "Candles[size=" + size + ", interval=" + intervalSeconds + "s"
        + (size == 0 ? "" : ", " + timestamp[0] + ".." + timestamp[size - 1]) + "]";
  }
}
