package io.aviary.strategy.backtest;

/** A backtest stopped on request before its last candle. */
public final class BacktestCancelledException extends RuntimeException {
  public BacktestCancelledException(int reached, int total) {
    super("backtest cancelled at candle " + reached + " of " + total);
  }
}
