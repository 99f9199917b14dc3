package io.aviary.strategy.backtest;

/**
 * How a backtest simulates trading.
 *
 * @param tradeCost fee per side as a fraction of the notional (Hummingbot's {@code trade_cost}; the API's default
 *     0.0006, the engine's 0.0002)
 * @param slippage fraction by which MARKET fills are worse than the next candle's open (0 = none)
 * @param totalAmountQuote the capital metrics are relative to ({@code total_amount_quote})
 */
public record BacktestSettings(double tradeCost, double slippage, double totalAmountQuote) {
  public BacktestSettings {
    if (!(tradeCost >= 0) || tradeCost >= 1) {
      throw new IllegalArgumentException("trade_cost must be in [0, 1)");
    }
    if (!(slippage >= 0) || slippage >= 1) {
      throw new IllegalArgumentException("slippage must be in [0, 1)");
    }
    if (!(totalAmountQuote > 0)) {
      throw new IllegalArgumentException("total_amount_quote must be > 0");
    }
  }
}
