package io.aviary.strategy.backtest;

import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import io.aviary.strategy.market.TradingRules;

/**
 * The market at the close of candle {@code index} of the backtest resolution: prices come from that candle, and the
 * controller's candles ({@link #candles()}) are those of its own interval (and market) that have closed by then.
 *
 * <p>When the controller's candles are the resolution candles themselves (same object), it sees candles
 * {@code 0..index}. Otherwise a cursor counts the controller candles whose close time is at or before the current
 * close; it only moves forward, so a step costs one comparison, and the visible prefix is re-made only when a new
 * controller candle has closed. A candle still forming is never shown (Hummingbot's backtester shows it, see
 * {@link BacktestEngine}).
 */
final class BacktestMarket implements MarketView {
  private final Candles candles;
  private final Candles controllerCandles;
  private final boolean sameFeed;
  private final String connectorName;
  private final String tradingPair;
  private final TradingRules rules;
  private int index = -1;
  private int closedControllerCandles;
  private Candles visible;

  BacktestMarket(Candles candles, Candles controllerCandles, String connectorName, String tradingPair,
      TradingRules rules) {
    this.rules = rules;
    this.candles = candles;
    this.controllerCandles = controllerCandles;
    this.sameFeed = controllerCandles == candles;
    this.connectorName = connectorName;
    this.tradingPair = tradingPair;
  }

  void moveTo(int i) {
    index = i;
    if (sameFeed) {
      visible = null;
      return;
    }
    long now = candles.closeTime(i);
    int shown = closedControllerCandles;
    int size = controllerCandles.size();
    while (shown < size && controllerCandles.closeTime(shown) <= now) {
      shown++;
    }
    if (shown != closedControllerCandles) {
      closedControllerCandles = shown;
      visible = null;
    }
  }

  @Override
  public long now() {
    return candles.closeTime(index);
  }

  @Override
  public String connectorName() {
    return connectorName;
  }

  @Override
  public String tradingPair() {
    return tradingPair;
  }

  @Override
  public Candles candles() {
    Candles v = visible;
    if (v == null) {
      v = sameFeed ? candles.prefix(index + 1) : controllerCandles.prefix(closedControllerCandles);
      visible = v;
    }
    return v;
  }

  @Override
  public TradingRules tradingRules() {
    return rules;
  }

  @Override
  public double midPrice() {
    return candles.close()[index];
  }

  @Override
  public double lastPrice() {
    return candles.close()[index];
  }

  @Override
  public double lowSinceLastStep() {
    return candles.low()[index];
  }

  @Override
  public double highSinceLastStep() {
    return candles.high()[index];
  }
}
