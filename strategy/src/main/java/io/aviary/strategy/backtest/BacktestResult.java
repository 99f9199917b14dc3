package io.aviary.strategy.backtest;

import io.aviary.strategy.executor.ExecutorInfo;
import java.util.List;

/** A finished backtest: every executor (in creation order), the §4.3 metrics and the PnL time series. */
public record BacktestResult(List<ExecutorInfo> executors, BacktestResults results, PnlTimeseries pnlTimeseries) {}
