/**
 * The backtest engine: {@link io.aviary.strategy.backtest.BacktestEngine} runs a controller and its executors over
 * candles without look-ahead (see its Javadoc for the fill model and how it differs from Hummingbot's), and
 * {@link io.aviary.strategy.backtest.BacktestMetrics} computes Hummingbot's §4.3 results from the executors and the
 * {@link io.aviary.strategy.backtest.PnlTimeseries}. On request a run also records the controller's features per
 * candle ({@link io.aviary.strategy.backtest.FeatureTable}, Hummingbot's {@code processed_data["features"]}).
 */
package io.aviary.strategy.backtest;
