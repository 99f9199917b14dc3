package io.aviary.bot.mqtt;

import io.aviary.strategy.executor.CloseType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A controller's {@code PerformanceReport} as published on {@code P/performance} (internals §1.5). The {@code *Pct}
 * fields are in percent (×100) like Hummingbot's.
 *
 * @param closeTypeCounts executors closed per close type, keys written as {@code "CloseType.TAKE_PROFIT"}
 */
public record ControllerPerformance(
    BigDecimal realizedPnlQuote,
    BigDecimal unrealizedPnlQuote,
    BigDecimal unrealizedPnlPct,
    BigDecimal realizedPnlPct,
    BigDecimal globalPnlQuote,
    BigDecimal globalPnlPct,
    BigDecimal volumeTraded,
    List<PositionSummary> positionsSummary,
    Map<CloseType, Integer> closeTypeCounts) {

  public ControllerPerformance {
    positionsSummary = List.copyOf(positionsSummary);
    closeTypeCounts = Map.copyOf(closeTypeCounts);
  }

  Map<String, Object> toWire() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("realized_pnl_quote", realizedPnlQuote);
    m.put("unrealized_pnl_quote", unrealizedPnlQuote);
    m.put("unrealized_pnl_pct", unrealizedPnlPct);
    m.put("realized_pnl_pct", realizedPnlPct);
    m.put("global_pnl_quote", globalPnlQuote);
    m.put("global_pnl_pct", globalPnlPct);
    m.put("volume_traded", volumeTraded);
    m.put("positions_summary", positionsSummary.stream().map(PositionSummary::toWire).toList());
    Map<CloseType, Integer> counts = new java.util.TreeMap<>(closeTypeCounts); // stable order on the wire
    m.put("close_type_counts", counts);
    return m;
  }
}
