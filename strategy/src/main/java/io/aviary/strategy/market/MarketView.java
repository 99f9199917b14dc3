package io.aviary.strategy.market;

/**
 * What a controller or an executor may know about one market at the current moment.
 *
 * <p>Implemented by the hosts: the backtester (one step per candle, "now" = the close time of the candle just
 * closed), the bot (live connectors) and the executors host. Nothing here reveals the future: {@link #candles()}
 * holds only closed candles and prices are those observable now.
 */
public interface MarketView {

  /** Current time, epoch seconds. */
  long now();

  String connectorName();

  String tradingPair();

  /** Closed candles only, oldest first; the last one closed at or before {@link #now()}. */
  Candles candles();

  /** Mid price now (the backtester uses the close of the candle just closed, like Hummingbot). */
  double midPrice();

  /** Last traded price now (the backtester: the close of the candle just closed). */
  double lastPrice();

  /** Best bid now (the backtester: the mid price; no order book is simulated). */
  default double bestBid() {
    return midPrice();
  }

  /** Best ask now (the backtester: the mid price). */
  default double bestAsk() {
    return midPrice();
  }

  /**
   * Lowest price traded since the previous step. Live hosts that only sample the mid return the mid; the
   * backtester returns the low of the candle just closed, so a stop loss touched inside a candle is seen.
   */
  default double lowSinceLastStep() {
    return midPrice();
  }

  /** Highest price traded since the previous step (see {@link #lowSinceLastStep()}). */
  default double highSinceLastStep() {
    return midPrice();
  }
}
