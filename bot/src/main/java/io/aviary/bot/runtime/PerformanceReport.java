package io.aviary.bot.runtime;

import io.aviary.strategy.executor.CloseType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One controller's performance, Hummingbot's {@code PerformanceReport} (hummingbot-internals §1.5, §3.4): realized
 * = closed executors' net PnL (position holds excluded) + the holds' realized PnL; unrealized = running executors'
 * net PnL + the holds' unrealized PnL at the mid; volume = {@code filled_amount_quote} of every executor (holds:
 * their traded volume); {@code global = realized + unrealized}; the {@code *_pct} figures are in percent of volume
 * (0 when nothing traded).
 *
 * @param closeTypeCounts done executors per close type, in {@link CloseType} order
 */
public record PerformanceReport(
    String controllerId,
    double realizedPnlQuote,
    double unrealizedPnlQuote,
    double realizedPnlPct,
    double unrealizedPnlPct,
    double globalPnlQuote,
    double globalPnlPct,
    double volumeTraded,
    List<PositionSummary> positionsSummary,
    Map<CloseType, Integer> closeTypeCounts) {

  public PerformanceReport {
    positionsSummary = List.copyOf(positionsSummary);
    closeTypeCounts = Map.copyOf(closeTypeCounts);
  }

  static PerformanceReport of(String controllerId, double realized, double unrealized, double volume,
      List<PositionSummary> positions, Map<CloseType, Integer> closeTypeCounts) {
    double global = realized + unrealized;
    return new PerformanceReport(controllerId, realized, unrealized, pct(realized, volume), pct(unrealized, volume),
        global, pct(global, volume), volume, positions, closeTypeCounts);
  }

  private static double pct(double value, double volume) {
    return volume == 0 ? 0 : value / volume * 100;
  }

  /** {@code close_type_counts} keyed as Hummingbot prints them ({@code "CloseType.TAKE_PROFIT"}), in enum order. */
  public Map<String, Integer> closeTypeCountsByName() {
    Map<String, Integer> byName = new LinkedHashMap<>();
    for (CloseType type : CloseType.values()) {
      Integer n = closeTypeCounts.get(type);
      if (n != null && n > 0) {
        byName.put("CloseType." + type.name(), n);
      }
    }
    return byName;
  }
}
