package io.aviary.strategy.backtest;

import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.TradingRules;

/**
 * What a backtest runs over, as its host loaded it: the candles the engine steps and fills on, the candles the
 * controller reads (its config's {@code interval} and candles market; the same object when they are the backtest's),
 * the market's funding events and its trading rules. One record so the engine has one full entry point instead of an
 * overload per optional input.
 */
public record BacktestData(Candles candles, Candles controllerCandles, FundingRates funding, TradingRules rules) {

  /** The candles alone: the controller reads them too, no funding, no trading rules. */
  public static BacktestData of(Candles candles) {
    return new BacktestData(candles, candles, FundingRates.NONE, TradingRules.NONE);
  }

  public BacktestData withControllerCandles(Candles controllerCandles) {
    return new BacktestData(candles, controllerCandles, funding, rules);
  }

  public BacktestData withFunding(FundingRates funding) {
    return new BacktestData(candles, controllerCandles, funding, rules);
  }

  public BacktestData withRules(TradingRules rules) {
    return new BacktestData(candles, controllerCandles, funding, rules);
  }
}
