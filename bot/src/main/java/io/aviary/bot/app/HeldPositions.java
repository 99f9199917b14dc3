package io.aviary.bot.app;

import io.aviary.bot.db.BotDatabase;
import io.aviary.bot.db.PositionRecord;
import io.aviary.bot.runtime.BotRuntime;
import io.aviary.bot.runtime.PerformanceReport;
import io.aviary.bot.runtime.PositionSummary;
import io.aviary.strategy.executor.TradeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The controllers' position holds across a stop and a start (Hummingbot's orchestrator stores every position hold as
 * a {@code Position} row when the strategy stops and recreates the holds from those rows when it starts again):
 * without this a restarted spot market maker would see nothing held, buy its base a second time and report its held
 * PnL from zero. A bot that is killed stores nothing, as Hummingbot's.
 */
public final class HeldPositions {
  private HeldPositions() {}

  /**
   * Stores each controller's hold as the stopped runtime last reported it (one upserted row per controller, market
   * and side).
   */
  public static void store(Map<String, PerformanceReport> reports, BotDatabase database, long nowMs) {
    reports.forEach((controllerId, report) -> {
      for (PositionSummary p : report.positionsSummary()) {
        database.storePosition(new PositionRecord(controllerId, p.connectorName(), p.tradingPair(), p.side().name(),
            nowMs, decimal(p.volumeTradedQuote()), decimal(p.amount()), decimal(p.breakevenPrice()),
            decimal(p.unrealizedPnlQuote()), decimal(p.realizedPnlQuote()), decimal(p.cumFeesQuote())));
      }
    });
  }

  /** Hands the rows stored for these controllers to the runtime about to start ({@link BotRuntime#restoreHolds}). */
  public static void reload(BotDatabase database, Collection<String> controllerIds, BotRuntime next) {
    Map<String, List<PositionSummary>> stored = new LinkedHashMap<>();
    for (String id : controllerIds) {
      List<PositionSummary> holds = new ArrayList<>();
      for (PositionRecord r : database.positionsOf(id)) { // oldest first
        holds.add(new PositionSummary(r.connectorName(), r.tradingPair(), r.volumeTradedQuote().doubleValue(),
            TradeType.valueOf(r.side()), r.amount().doubleValue(), r.breakevenPrice().doubleValue(),
            r.unrealizedPnlQuote().doubleValue(), r.realizedPnlQuote().doubleValue(), r.cumFeesQuote().doubleValue()));
      }
      stored.put(id, holds);
    }
    next.restoreHolds(stored);
  }

  private static BigDecimal decimal(double value) {
    return Double.isFinite(value) ? BigDecimal.valueOf(value) : BigDecimal.ZERO;
  }
}
