package io.aviary.bot.runtime;

import io.aviary.bot.runtime.BotRuntime.ControllerStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text of Hummingbot's {@code status} command for a V2 bot: per controller its state, PnL and active executors. */
final class StatusText {
  private StatusText() {}

  static String render(BotRuntime.State state, List<ControllerStatus> controllers,
      Map<String, PerformanceReport> performance, List<ExecutorSnapshot> executors) {
    StringBuilder out = new StringBuilder();
    out.append("Strategy: v2_with_controllers (").append(state.name().toLowerCase(Locale.ROOT)).append(")\n");
    double global = 0;
    double volume = 0;
    for (ControllerStatus c : controllers) {
      PerformanceReport p = performance.get(c.id());
      global += p.globalPnlQuote();
      volume += p.volumeTraded();
      out.append("\nController: ").append(c.id()).append(" (").append(c.controllerName()).append(") on ")
          .append(c.connectorName()).append(' ').append(c.tradingPair()).append(" — ")
          .append(c.running() ? "running" : "stopped" + (c.stopReason() == null ? "" : ": " + c.stopReason()))
          .append(c.pausedBecause() == null ? "" : " — paused, venue unavailable: " + c.pausedBecause()).append('\n');
      out.append(String.format(Locale.ROOT,
          "  Realized PnL: %.6f (%.2f%%) | Unrealized PnL: %.6f (%.2f%%) | Global PnL: %.6f (%.2f%%) | Volume: %.4f%n",
          p.realizedPnlQuote(), p.realizedPnlPct(), p.unrealizedPnlQuote(), p.unrealizedPnlPct(),
          p.globalPnlQuote(), p.globalPnlPct(), p.volumeTraded()));
      for (PositionSummary s : p.positionsSummary()) {
        out.append(String.format(Locale.ROOT, "  Position held: %s %.8f @ %.8f (unrealized %.6f, realized %.6f)%n",
            s.side(), s.amount(), s.breakevenPrice(), s.unrealizedPnlQuote(), s.realizedPnlQuote()));
      }
      if (!p.closeTypeCounts().isEmpty()) {
        out.append("  Closed: ").append(p.closeTypeCountsByName()).append('\n');
      }
      List<ExecutorSnapshot> active = executors.stream()
          .filter(e -> e.isActive() && c.id().equals(e.controllerId())).toList();
      out.append("  Active executors: ").append(active.size()).append('\n');
      for (ExecutorSnapshot e : active) {
        out.append(String.format(Locale.ROOT, "    %s | %s | %s | %s | filled %.4f | net PnL %.6f (%.2f%%)%n",
            e.id(), e.type(), e.side(), e.isTrading() ? "trading" : "placed", e.filledAmountQuote(),
            e.netPnlQuote(), e.netPnlPct() * 100));
      }
    }
    out.append(String.format(Locale.ROOT, "%nGlobal PnL: %.6f | Volume: %.4f%n", global, volume));
    return out.toString();
  }
}
