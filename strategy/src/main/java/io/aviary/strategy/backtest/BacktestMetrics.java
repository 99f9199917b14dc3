package io.aviary.strategy.backtest;

import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.TradeType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hummingbot's {@code summarize_results} formulas (hummingbot-internals §4.3). */
public final class BacktestMetrics {
  private BacktestMetrics() {}

  public static BacktestResults summarize(List<? extends ExecutorInfo> executors, double totalAmountQuote,
      PnlTimeseries series) {
    return summarize(executors, totalAmountQuote, series, 0, 0);
  }

  /**
   * With position holds: {@code net_pnl_quote} adds their realized PnL (their unrealized PnL is reported apart, as
   * Hummingbot does).
   */
  public static BacktestResults summarize(List<? extends ExecutorInfo> executors, double totalAmountQuote,
      PnlTimeseries series, double holdsRealized, double holdsUnrealized) {
    return summarize(executors, totalAmountQuote, series, holdsRealized, holdsUnrealized, 0);
  }

  /**
   * With funding: {@code totalFunding} is reported as {@code total_funding_quote}; it is already inside the
   * executors' net PnL and the holds' realized PnL, so it is not added again.
   */
  public static BacktestResults summarize(List<? extends ExecutorInfo> executors, double totalAmountQuote,
      PnlTimeseries series, double holdsRealized, double holdsUnrealized, double totalFunding) {
    double netPnlQuote = 0;
    double volume = 0;
    double fees = 0;
    double won = 0;
    double lost = 0;
    int withPosition = 0;
    int longs = 0;
    int shorts = 0;
    int longWins = 0;
    int shortWins = 0;
    int wins = 0;
    int losses = 0;
    int[] closeTypeCounts = new int[CloseType.values().length];
    for (ExecutorInfo e : executors) {
      fees += e.cumFeesQuote();
      CloseType type = e.closeType();
      if (type != null) {
        closeTypeCounts[type.ordinal()]++;
      }
      if (type == CloseType.POSITION_HOLD) {
        continue;
      }
      double net = e.netPnlQuote();
      netPnlQuote += net;
      if (net == 0) {
        continue;
      }
      withPosition++;
      volume += e.filledAmountQuote();
      boolean win = net > 0;
      if (win) {
        wins++;
        won += net;
      } else {
        losses++;
        lost += net;
      }
      if (e.side() == TradeType.BUY) {
        longs++;
        longWins += win ? 1 : 0;
      } else if (e.side() == TradeType.SELL) {
        shorts++;
        shortWins += win ? 1 : 0;
      }
    }
    Map<String, Integer> closeTypes = new TreeMap<>();
    for (CloseType type : CloseType.values()) {
      if (closeTypeCounts[type.ordinal()] > 0) {
        closeTypes.put(type.name(), closeTypeCounts[type.ordinal()]);
      }
    }
    netPnlQuote += holdsRealized;
    double maxDrawdown = maxDrawdown(series.totalPnl());
    return new BacktestResults(
        netPnlQuote / totalAmountQuote, netPnlQuote, executors.size(), withPosition, volume, longs, shorts,
        Collections.unmodifiableMap(closeTypes), ratio(longWins, longs), ratio(shortWins, shorts), withPosition,
        ratio(wins, withPosition), maxDrawdown, maxDrawdown / totalAmountQuote,
        sharpe(series.totalPnl(), totalAmountQuote), lost == 0 ? 1 : won / Math.abs(lost), wins, losses,
        holdsUnrealized, holdsRealized, fees, totalFunding);
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** {@code min(total_pnl - cummax(total_pnl))}, ≤ 0. */
  static double maxDrawdown(double[] totalPnl) {
    double peak = Double.NEGATIVE_INFINITY;
    double worst = 0;
    for (double v : totalPnl) {
      peak = Math.max(peak, v);
      worst = Math.min(worst, v - peak);
    }
    return worst;
  }

  /**
   * Hummingbot's "Sharpe": mean / sample std (ddof = 1) of the cumulative PnL fraction per candle, not annualised;
   * 0 when the std is 0 or there are fewer than two points.
   */
  static double sharpe(double[] totalPnl, double totalAmountQuote) {
    int n = totalPnl.length;
    if (n < 2) {
      return 0;
    }
    double scale = 1 / totalAmountQuote;
    double mean = 0;
    for (double v : totalPnl) {
      mean += v * scale;
    }
    mean /= n;
    double ss = 0;
    for (double v : totalPnl) {
      double d = v * scale - mean;
      ss += d * d;
    }
    double std = Math.sqrt(ss / (n - 1));
    return std == 0 ? 0 : mean / std;
  }
}
