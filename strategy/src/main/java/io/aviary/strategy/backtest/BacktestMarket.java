package io.aviary.strategy.backtest;

import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import io.aviary.strategy.market.TradingRules;

/** The market at the close of candle {@code index}: only candles {@code 0..index} are visible. */
final class BacktestMarket implements MarketView {
  private final Candles candles;
  private final String connectorName;
  private final String tradingPair;
  private final TradingRules rules;
  private int index = -1;
  private Candles visible;

  BacktestMarket(Candles candles, String connectorName, String tradingPair, TradingRules rules) {
    this.rules = rules;
    this.candles = candles;
    this.connectorName = connectorName;
    this.tradingPair = tradingPair;
  }

  void moveTo(int i) {
    index = i;
    visible = null;
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
      v = candles.prefix(index + 1);
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
