package io.aviary.strategy.controller;

import io.aviary.strategy.indicator.RollingSuperTrend;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.util.List;

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

  /**
   * Hummingbot's supertrend_v1 features: pandas-ta's SUPERT (the line) and SUPERTd (direction ±1), the
   * {@code percentage_distance} of the close from the line, then signal. pandas-ta's SUPERTl / SUPERTs (the line
   * split by trend) are not kept. In warm-up they are NaN here (Hummingbot fills SUPERT* with 0 first).
   */
  @Override
  public List<String> featureNames() {
    String p = "_" + settings.length() + "_" + settings.multiplier();
    return List.of("SUPERT" + p, "SUPERTd" + p, "percentage_distance", "signal");
  }

  @Override
  public void writeFeatures(double[] out) {
    out[0] = superTrend.value();
    out[1] = superTrend.direction();
    out[2] = distance();
    out[3] = currentSignal();
  }

  private double distance() {
    return Math.abs(lastClose - superTrend.value()) / lastClose;
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
    return currentSignal();
  }

  private int currentSignal() {
    double direction = superTrend.direction();
    if (Double.isNaN(direction)) {
      return 0;
    }
    if (!(distance() < settings.percentageThreshold())) {
      return 0;
    }
    return direction > 0 ? 1 : -1;
  }
}
