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

  /**
   * The average price of taking {@code baseAmount} from the book now (Hummingbot's {@code get_quote_price}, a VWAP
   * over the levels it would consume): buying takes the asks, selling the bids. Hosts that read only the top of the
   * book answer with the best ask / best bid.
   */
  default double priceForVolume(boolean buy, double baseAmount) {
    return buy ? bestAsk() : bestBid();
  }

  /**
   * The fee rate an order here pays, as a fraction of its notional (Hummingbot's {@code connector.get_fee} percent):
   * {@code maker} for a resting limit order, else taker. Executors that decide on profitability net of fees
   * (arbitrage, XEMM) read it; a host that knows no fee schedule for the venue answers 0.
   */
  default double feeRate(boolean maker) {
    return 0;
  }

  /**
   * The venue's trading rules for this market (minimum size and notional, increments), read by executors where
   * Hummingbot's read them: grid level sizing, the position executor's barrier and close thresholds, the DCA
   * executor's level check. A host that knows none answers {@link TradingRules#NONE}; it must answer the same
   * instance every call (executors read it each step).
   */
  default TradingRules tradingRules() {
    return TradingRules.NONE;
  }

  /**
   * The view of another market at the same moment, for executors that span two markets (arbitrage, XEMM). A host
   * that serves only one market returns this view for it and refuses any other.
   *
   * @throws IllegalArgumentException when this host does not serve that market
   */
  default MarketView market(String connectorName, String tradingPair) {
    if (connectorName().equals(connectorName) && tradingPair().equals(tradingPair)) {
      return this;
    }
    throw new IllegalArgumentException("this host serves only " + connectorName() + " " + tradingPair()
        + ", not " + connectorName + " " + tradingPair);
  }
}
