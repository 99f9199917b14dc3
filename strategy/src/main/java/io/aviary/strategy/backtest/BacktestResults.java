package io.aviary.strategy.backtest;

import java.util.Map;

/**
 * Hummingbot's {@code summarize_results} (hummingbot-internals §4.3), same keys in camel case. Over executors
 * {@code E}; {@code N} = those not closed by POSITION_HOLD; {@code W} = {@code N} with non-zero net PnL.
 * {@code totalFundingQuote} (Aviary's addition) is the funding received (+) or paid (−) over the run, perpetuals
 * only; it is already part of {@code netPnlQuote}.
 */
public record BacktestResults(
    double netPnl, double netPnlQuote, int totalExecutors, int totalExecutorsWithPosition, double totalVolume,
    int totalLong, int totalShort, Map<String, Integer> closeTypes, double accuracyLong, double accuracyShort,
    int totalPositions, double accuracy, double maxDrawdownUsd, double maxDrawdownPct, double sharpeRatio,
    double profitFactor, int winSignals, int lossSignals, double unrealizedPnlQuote,
    double positionRealizedPnlQuote, double totalFeesQuote, double totalFundingQuote) {}
