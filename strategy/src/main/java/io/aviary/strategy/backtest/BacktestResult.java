package io.aviary.strategy.backtest;

import io.aviary.strategy.executor.ExecutorInfo;
import java.util.List;
import java.util.Optional;

/**
 * A finished backtest: every executor (in creation order), the §4.3 metrics, the PnL time series, the position
 * holds (empty when no executor ended in POSITION_HOLD) and the controller's features per candle when the run
 * was asked to record them (else null).
 */
public record BacktestResult(List<ExecutorInfo> executors, BacktestResults results, PnlTimeseries pnlTimeseries,
    List<PositionHold> positionHolds, FeatureTable features) {

  /** A result without recorded features. */
  public BacktestResult(List<ExecutorInfo> executors, BacktestResults results, PnlTimeseries pnlTimeseries,
      List<PositionHold> positionHolds) {
    this(executors, results, pnlTimeseries, positionHolds, null);
  }

  /** The recorded features, if the run recorded them. */
  public Optional<FeatureTable> recordedFeatures() {
    return Optional.ofNullable(features);
  }
}
