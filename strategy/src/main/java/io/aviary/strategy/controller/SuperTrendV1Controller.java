package io.aviary.strategy.controller;

import io.aviary.strategy.indicator.RollingSuperTrend;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;

/**
 * Hummingbot's {@code supertrend_v1} (directional, see {@link DirectionalTradingController}): long in an up trend,
 * short in a down trend, in both cases only while the close is within {@code percentage_threshold} of the
 * SuperTrend line ({@code |close − line| / close}); all from the last closed candle. The SuperTrend follows ta4j's
 * rules (the indicators' oracle); pandas-ta's (Hummingbot's) differs in warm-up seeding.
 */
public final class SuperTrendV1Controller extends DirectionalTradingController {
  private final SuperTrendV1Settings settings;
  private final RollingSuperTrend superTrend;
  private final NewCandles newCandles = new NewCandles();
  private double lastClose = Double.NaN;

  public SuperTrendV1Controller(SuperTrendV1Settings config) {
    super(config);
    this.settings = config;
    this.superTrend = new RollingSuperTrend(config.length(), config.multiplier());
  }

  @Override
  public SuperTrendV1Settings config() {
    return settings;
  }

  @Override
  protected int signal(MarketView market) {
    Candles candles = market.candles();
    for (int i = newCandles.startOf(candles), n = candles.size(); i < n; i++) {
      superTrend.update(candles.high()[i], candles.low()[i], candles.close()[i]);
      lastClose = candles.close()[i];
    }
    double direction = superTrend.direction();
    if (Double.isNaN(direction)) {
      return 0;
    }
    double distance = Math.abs(lastClose - superTrend.value()) / lastClose;
    if (!(distance < settings.percentageThreshold())) {
      return 0;
    }
    return direction > 0 ? 1 : -1;
  }
}
