package io.aviary.bot.app;

import io.aviary.bot.mqtt.ControllerPerformance;
import io.aviary.bot.mqtt.ControllerReport;
import io.aviary.bot.mqtt.PositionSummary;
import io.aviary.bot.runtime.PerformanceReport;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The runtime's per-controller figures (doubles, computed on the strategy thread) as the MQTT report's decimals. */
final class PerformanceWire {

  private PerformanceWire() {}

  static Map<String, ControllerReport> of(Map<String, PerformanceReport> reports) {
    Map<String, ControllerReport> wire = new LinkedHashMap<>();
    reports.forEach((id, report) -> wire.put(id, new ControllerReport(performance(report), Map.of())));
    return wire;
  }

  private static ControllerPerformance performance(PerformanceReport r) {
    return new ControllerPerformance(decimal(r.realizedPnlQuote()), decimal(r.unrealizedPnlQuote()),
        decimal(r.unrealizedPnlPct()), decimal(r.realizedPnlPct()), decimal(r.globalPnlQuote()),
        decimal(r.globalPnlPct()), decimal(r.volumeTraded()),
        r.positionsSummary().stream().map(p -> new PositionSummary(p.connectorName(), p.tradingPair(),
            decimal(p.volumeTradedQuote()), TradeType.valueOf(p.side().name()), decimal(p.amount()), decimal(p.breakevenPrice()),
            decimal(p.unrealizedPnlQuote()), decimal(p.realizedPnlQuote()), decimal(p.cumFeesQuote()))).toList(),
        r.closeTypeCounts());
  }

  private static BigDecimal decimal(double value) {
    return Double.isFinite(value) ? BigDecimal.valueOf(value) : BigDecimal.ZERO;
  }
}
