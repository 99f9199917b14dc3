package io.aviary.bot.runtime;

import io.aviary.strategy.executor.TradeType;

/**
 * A held position of one controller (Hummingbot's {@code PositionSummary}): the net of the executors that ended in
 * POSITION_HOLD on one market.
 *
 * @param side BUY for a net long, SELL for a net short
 * @param amount absolute base amount
 * @param breakevenPrice average entry price
 */
public record PositionSummary(
    String connectorName,
    String tradingPair,
    double volumeTradedQuote,
    TradeType side,
    double amount,
    double breakevenPrice,
    double unrealizedPnlQuote,
    double realizedPnlQuote,
    double cumFeesQuote) {

  /** Hummingbot's {@code global_pnl_quote} of a position: its PnL after fees. */
  public double globalPnlQuote() {
    return realizedPnlQuote + unrealizedPnlQuote - cumFeesQuote;
  }
}
