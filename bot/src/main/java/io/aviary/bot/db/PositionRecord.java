package io.aviary.bot.db;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A {@code Position} row: a controller's held position on one market and side (Hummingbot's position summary,
 * stored at strategy stop and reloaded at restart). Money in the quote asset.
 *
 * @param side {@code BUY} or {@code SELL}
 * @param timestamp epoch milliseconds
 */
public record PositionRecord(
    String controllerId,
    String connectorName,
    String tradingPair,
    String side,
    long timestamp,
    BigDecimal volumeTradedQuote,
    BigDecimal amount,
    BigDecimal breakevenPrice,
    BigDecimal unrealizedPnlQuote,
    BigDecimal realizedPnlQuote,
    BigDecimal cumFeesQuote) {

  public PositionRecord {
    Objects.requireNonNull(controllerId, "controllerId");
    Objects.requireNonNull(connectorName, "connectorName");
    Objects.requireNonNull(tradingPair, "tradingPair");
    if (!"BUY".equals(side) && !"SELL".equals(side)) {
      throw new IllegalArgumentException("side must be BUY or SELL");
    }
  }
}
