package io.aviary.strategy.controller;

import io.aviary.strategy.indicator.RollingMacd;
import io.aviary.strategy.indicator.RollingNatr;
import io.aviary.strategy.indicator.RollingZScore;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.util.List;

/**
 * Hummingbot's {@code pmm_dynamic} (market making, see {@link MarketMakingController}), from the last closed
 * candle: {@code natr = ATR(natr_length)/close}; {@code macd_signal = −zscore(MACD line)} over Hummingbot's candle
 * window ({@code max(macd_fast, macd_slow, macd_signal, natr_length) + 100} values); {@code macdh_signal = +1} if
 * the histogram is positive else −1; {@code price_multiplier = (0.5·macd_signal + 0.5·macdh_signal) · natr/2};
 * reference price {@code close · (1 + price_multiplier)}, spread multiplier {@code natr} (so spreads are in NATR
 * units). No level is created until the indicators are warm. Streaming, O(1) per closed candle.
 */
public final class PmmDynamicController extends MarketMakingController {
  private final PmmDynamicSettings settings;
  private final RollingMacd macd;
  private final RollingNatr natr;
  private final RollingZScore macdZ;
  private final NewCandles newCandles = new NewCandles();
  private double reference = Double.NaN;
  private double multiplier = Double.NaN;

  public PmmDynamicController(PmmDynamicSettings config) {
    super(config);
    this.settings = config;
    this.macd = new RollingMacd(config.macdFast(), config.macdSlow(), config.macdSignal());
    this.natr = new RollingNatr(config.natrLength());
    int window = Math.max(Math.max(config.macdFast(), config.macdSlow()),
        Math.max(config.macdSignal(), config.natrLength())) + 100;
    this.macdZ = new RollingZScore(window);
  }

  /**
   * {@code reference_price}, {@code spread_multiplier} (Hummingbot's pmm_dynamic features) plus the indicators
   * they come from: pandas-ta's {@code NATR_<natr_length>} (in percent, as pandas-ta gives it; the spread
   * multiplier is that over 100) and {@code MACD}, {@code MACDh}, {@code MACDs}.
   */
  @Override
  public List<String> featureNames() {
    return FeatureColumns.concat(FeatureColumns.concat(super.featureNames(), List.of("NATR_" + settings.natrLength())),
        FeatureColumns.macd(settings.macdFast(), settings.macdSlow(), settings.macdSignal()));
  }

  @Override
  public void writeFeatures(double[] out) {
    super.writeFeatures(out);
    out[2] = 100 * natr.value();
    FeatureColumns.writeMacd(macd, out, 3);
  }

  @Override
  public PmmDynamicSettings config() {
    return settings;
  }

  @Override
  protected void updateProcessedData(MarketView market) {
    Candles c = market.candles();
    int from = newCandles.startOf(c);
    int n = c.size();
    if (from == n) {
      return;
    }
    for (int i = from; i < n; i++) {
      macd.update(c.close()[i]);
      natr.update(c.high()[i], c.low()[i], c.close()[i]);
      macdZ.update(macd.macd());
    }
    double volatility = natr.value();
    double histogram = macd.histogram();
    double z = macdZ.value();
    if (Double.isNaN(volatility) || Double.isNaN(histogram) || Double.isNaN(z)) {
      reference = Double.NaN;
      return;
    }
    double priceMultiplier = (0.5 * -z + 0.5 * (histogram > 0 ? 1 : -1)) * volatility / 2;
    reference = c.close()[n - 1] * (1 + priceMultiplier);
    multiplier = volatility;
  }

  @Override
  protected double referencePrice(MarketView market) {
    return reference;
  }

  @Override
  protected double spreadMultiplier() {
    return multiplier;
  }

  /** The NATR (fraction) of the last closed candle, NaN in warm-up. */
  public double natr() {
    return natr.value();
  }
}
