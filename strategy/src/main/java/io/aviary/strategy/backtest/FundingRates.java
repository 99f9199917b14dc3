package io.aviary.strategy.backtest;

/**
 * The funding events of one perpetual market over a backtest, oldest first, as columns: when each was paid (epoch
 * seconds) and its rate (a fraction; positive: longs pay shorts). Columns, not a list of records, because the
 * engine walks them with an index cursor beside the candles.
 */
public record FundingRates(long[] time, double[] rate) {

  /** No funding (a spot market, or a perpetual whose history the caller chose not to apply). */
  public static final FundingRates NONE = new FundingRates(new long[0], new double[0]);

  public FundingRates {
    if (time.length != rate.length) {
      throw new IllegalArgumentException("funding times and rates differ in length");
    }
    for (int i = 1; i < time.length; i++) {
      if (time[i] <= time[i - 1]) {
        throw new IllegalArgumentException("funding times must be strictly increasing");
      }
    }
    for (double r : rate) {
      if (!Double.isFinite(r)) {
        throw new IllegalArgumentException("funding rates must be finite");
      }
    }
  }

  public int size() {
    return time.length;
  }

  public boolean isEmpty() {
    return time.length == 0;
  }
}
