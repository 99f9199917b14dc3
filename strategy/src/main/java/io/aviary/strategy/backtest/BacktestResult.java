package io.aviary.strategy.backtest;

import io.aviary.strategy.executor.ExecutorInfo;
import java.util.List;

/**
 * A finished backtest: every executor (in creation order), the §4.3 metrics, the PnL time series and the position
 * holds (empty when no executor ended in POSITION_HOLD).
 */
public record BacktestResult(List<ExecutorInfo> executors, BacktestResults results, PnlTimeseries pnlTimeseries,
    List<PositionHold> positionHolds) {}
