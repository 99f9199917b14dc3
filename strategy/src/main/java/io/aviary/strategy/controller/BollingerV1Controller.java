package io.aviary.strategy.controller;

import io.aviary.strategy.indicator.RollingBollinger;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.util.List;

/**
 * Hummingbot's {@code bollinger_v1} (directional, see {@link DirectionalTradingController}): signal +1 when
 * Bollinger %B({@code bb_length}, {@code bb_std}) of the last closed candle is below {@code bb_long_threshold}, −1
 * when above {@code bb_short_threshold}, else 0 (also during warm-up).
 *
 * <p>%B is streamed (O(1) per newly closed candle), so a live bot and a backtest compute it the same way. The
 * candles are those the host shows; a host running on another resolution than {@code interval} must show candles
 * of {@code interval}. One instance per run: it keeps the indicator state.
 */
public class BollingerV1Controller extends DirectionalTradingController {
  private final BollingerV1Settings settings;
  private final RollingBollinger bollinger;
  private final NewCandles newCandles = new NewCandles();
  private double percentB = Double.NaN;

  public BollingerV1Controller(BollingerV1Settings config) {
    super(config);
    this.settings = config;
    this.bollinger = new RollingBollinger(config.bbLength(), config.bbStd());
  }

  @Override
  public BollingerV1Settings config() {
    return settings;
  }

  /**
   * Bollinger bandwidth of the last closed candle as pandas-ta's {@code BBB}: {@code 100 · (upper − lower) /
   * middle}; NaN during warm-up.
   */
  public double bandwidth() {
    return 100 * (bollinger.upper() - bollinger.lower()) / bollinger.middle();
  }

  /** %B of the last closed candle seen, NaN during warm-up. */
  public double percentB() {
    return percentB;
  }

  /** Hummingbot's bollinger_v1 (and dman_v3) features: pandas-ta's BBL, BBM, BBU, BBB, BBP, then signal. */
  @Override
  public List<String> featureNames() {
    return FeatureColumns.concat(FeatureColumns.bollinger(settings.bbLength(), settings.bbStd()), List.of("signal"));
  }

  @Override
  public void writeFeatures(double[] out) {
    int at = FeatureColumns.writeBollinger(bollinger, percentB, out, 0);
    out[at] = currentSignal();
  }

  @Override
  protected final int signal(MarketView market) {
    feed(market.candles());
    return currentSignal();
  }

  private int currentSignal() {
    if (percentB < settings.bbLongThreshold()) {
      return 1;
    }
    if (percentB > settings.bbShortThreshold()) {
      return -1;
    }
    return 0;
  }

  private void feed(Candles candles) {
    double[] close = candles.close();
    for (int i = newCandles.startOf(candles), n = candles.size(); i < n; i++) {
      percentB = bollinger.update(close[i]);
    }
  }
}
