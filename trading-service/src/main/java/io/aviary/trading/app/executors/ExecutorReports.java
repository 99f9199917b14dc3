package io.aviary.trading.app.executors;

import io.aviary.trading.domain.ExecutorRow;
import io.aviary.trading.domain.PositionHold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The summary and performance figures of {@code /executors/summary} and {@code /executors/performance}. */
public final class ExecutorReports {

    private ExecutorReports() {
    }

    public record Summary(int totalActive, double totalPnlQuote, double totalVolumeQuote, Map<String, Integer> byType,
            Map<String, Integer> byConnector, Map<String, Integer> byStatus) {
    }

    public record TypeBreakdown(String executorType, int total, int completed, int running, double pnlQuote,
            double volumeQuote, double feesQuote) {
    }

    public record Performance(String controllerId, int totalExecutors, Map<String, Integer> byStatus,
            double pnlTotalQuote, double unrealizedPnlQuote, double globalPnlQuote, double pnlPctAvg,
            double feesTotalQuote, double volumeTotalQuote, double winRate, Double sharpeRatio,
            List<TypeBreakdown> byType, int activePositions) {
    }

    public static Summary summary(List<ExecutorRow> active) {
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byConnector = new TreeMap<>();
        Map<String, Integer> byStatus = new TreeMap<>();
        double pnl = 0;
        double volume = 0;
        for (ExecutorRow r : active) {
            byType.merge(r.executorType(), 1, Integer::sum);
            byConnector.merge(r.connectorName(), 1, Integer::sum);
            byStatus.merge(r.status(), 1, Integer::sum);
            pnl += r.netPnlQuote().doubleValue();
            volume += r.filledAmountQuote().doubleValue();
        }
        return new Summary(active.size(), pnl, volume, byType, byConnector, byStatus);
    }

    /**
     * Realized: terminated executors except POSITION_HOLD ones (their fills live on in the hold, as Hummingbot
     * counts them); unrealized: running executors' net PnL plus the holds marked at the venue's last price.
     */
    public static Performance performance(String controllerId, List<ExecutorRow> rows, List<PositionHold> holds,
            Function<PositionHold, BigDecimal> price) {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, double[]> types = new LinkedHashMap<>(); // total, completed, running, pnl, volume, fees
        double realized = 0;
        double unrealized = 0;
        double fees = 0;
        double volume = 0;
        List<Double> pcts = new ArrayList<>();
        int wins = 0;
        for (ExecutorRow r : rows) {
            byStatus.merge(r.status(), 1, Integer::sum);
            double[] t = types.computeIfAbsent(r.executorType(), k -> new double[6]);
            t[0]++;
            double pnl = r.netPnlQuote().doubleValue();
            fees += r.cumFeesQuote().doubleValue();
            volume += r.filledAmountQuote().doubleValue();
            t[4] += r.filledAmountQuote().doubleValue();
            t[5] += r.cumFeesQuote().doubleValue();
            t[3] += pnl;
            if (r.active()) {
                t[2]++;
                unrealized += pnl;
            } else if ("TERMINATED".equals(r.status())) {
                t[1]++;
                if (!"POSITION_HOLD".equals(r.closeType())) {
                    realized += pnl;
                    pcts.add(r.netPnlPct().doubleValue());
                    if (pnl > 0) {
                        wins++;
                    }
                }
            }
        }
        for (PositionHold hold : holds) {
            BigDecimal u = hold.unrealizedPnl(price.apply(hold));
            unrealized += u == null ? 0 : u.doubleValue();
        }
        double avg = pcts.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        List<TypeBreakdown> byType = types.entrySet().stream().map(e -> new TypeBreakdown(e.getKey(),
                (int) e.getValue()[0], (int) e.getValue()[1], (int) e.getValue()[2], e.getValue()[3],
                e.getValue()[4], e.getValue()[5])).toList();
        return new Performance(controllerId, rows.size(), byStatus, realized, unrealized, realized + unrealized, avg,
                fees, volume, pcts.isEmpty() ? 0 : (double) wins / pcts.size(), sharpe(pcts, avg), byType,
                holds.size());
    }

    /** Mean over sample standard deviation of the completed executors' PnL %; null below two or without spread. */
    private static Double sharpe(List<Double> pcts, double mean) {
        if (pcts.size() < 2) {
            return null;
        }
        double var = pcts.stream().mapToDouble(p -> (p - mean) * (p - mean)).sum() / (pcts.size() - 1);
        return var == 0 ? null : mean / Math.sqrt(var);
    }
}
