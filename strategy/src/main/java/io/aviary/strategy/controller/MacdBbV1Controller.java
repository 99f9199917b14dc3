package io.aviary.strategy.controller;

import io.aviary.strategy.indicator.RollingBollinger;
import io.aviary.strategy.indicator.RollingMacd;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.util.List;

/**
 * Hummingbot's {@code macd_bb_v1} (directional, see {@link DirectionalTradingController}): long when %B is below
 * {@code bb_long_threshold}, the MACD histogram is positive and the MACD line negative; short when %B is above
 * {@code bb_short_threshold}, the histogram negative and the line positive; all from the last closed candle.
 */
public final class MacdBbV1Controller extends DirectionalTradingController {
  private final MacdBbV1Settings settings;
  private final RollingBollinger bollinger;
  private final RollingMacd macd;
  private final NewCandles newCandles = new NewCandles();
  private double percentB = Double.NaN;

  public MacdBbV1Controller(MacdBbV1Settings config) {
    super(config);
    this.settings = config;
    this.bollinger = new RollingBollinger(config.bbLength(), config.bbStd());
    this.macd = new RollingMacd(config.macdFast(), config.macdSlow(), config.macdSignal());
  }

  /** Hummingbot's macd_bb_v1 features: pandas-ta's BBL..BBP, MACD, MACDh, MACDs, then signal. */
  @Override
  public List<String> featureNames() {
    return FeatureColumns.concat(FeatureColumns.concat(FeatureColumns.bollinger(settings.bbLength(), settings.bbStd()),
        FeatureColumns.macd(settings.macdFast(), settings.macdSlow(), settings.macdSignal())), List.of("signal"));
  }

  @Override
  public void writeFeatures(double[] out) {
    int at = FeatureColumns.writeBollinger(bollinger, percentB, out, 0);
    at = FeatureColumns.writeMacd(macd, out, at);
    out[at] = currentSignal();
  }

  @Override
  public MacdBbV1Settings config() {
    return settings;
  }

  @Override
  protected int signal(MarketView market) {
    Candles candles = market.candles();
    double[] close = candles.close();
    for (int i = newCandles.startOf(candles), n = candles.size(); i < n; i++) {
      percentB = bollinger.update(close[i]);
      macd.update(close[i]);
    }
    return currentSignal();
  }

  private int currentSignal() {
    double line = macd.macd();
    double histogram = macd.histogram();
    if (percentB < settings.bbLongThreshold() && histogram > 0 && line < 0) {
      return 1;
    }
    if (percentB > settings.bbShortThreshold() && histogram < 0 && line > 0) {
      return -1;
    }
    return 0;
  }
}
