package io.aviary.strategy.backtest;

/**
 * A position hold at the end of a backtest (Hummingbot's {@code position_holds} entry, compact): what the
 * POSITION_HOLD executors of one market left, netted; unrealized PnL at the last close.
 *
 * @param netAmountBase signed: &gt; 0 long, &lt; 0 short, 0 closed
 */
public record PositionHold(String connectorName, String tradingPair, double netAmountBase, double realizedPnlQuote,
    double unrealizedPnlQuote, double cumFeesQuote, double volumeTradedQuote, boolean isClosed, int nExecutors) {}
