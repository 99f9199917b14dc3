package io.aviary.strategy.backtest;

/**
 * Hummingbot's {@code pnl_timeseries}, one point per candle, as columns. {@code totalPnl = executorRealizedPnl +
 * positionRealizedPnl + positionUnrealizedPnl}, the hold marked at each close. Timestamps are the candles' close
 * times (the moment each point is known).
 */
public record PnlTimeseries(
    long[] timestamp, double[] executorRealizedPnl, double[] positionRealizedPnl, double[] positionUnrealizedPnl,
    double[] totalPnl, int[] activeExecutors, double[] cumulativeVolume) {

  public int size() {
    return timestamp.length;
  }
}
