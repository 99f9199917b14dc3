package io.aviary.strategy.indicator;

/**
 * SuperTrend over ATR({@code length}) with band multiplier {@code multiplier}, as ta4j 0.22 computes it: basic bands
 * (high+low)/2 ± multiplier·ATR; the final upper band only moves down (and the lower only up) unless the previous
 * close crossed it; the line follows the upper band in a down trend until a close above it, the lower band in an up
 * trend until a close below it. {@code direction} is +1 (up trend: line = lower band), −1 (down trend), NaN in
 * warm-up. Batch form of {@link RollingSuperTrend}.
 */
public record SuperTrend(double[] value, double[] direction, double[] upperBand, double[] lowerBand) {

  public static SuperTrend of(
      double[] high, double[] low, double[] close, int size, int length, double multiplier) {
    RollingSuperTrend rolling = new RollingSuperTrend(length, multiplier);
    double[] upper = new double[size];
    double[] lower = new double[size];
    double[] value = new double[size];
    double[] direction = new double[size];
    for (int i = 0; i < size; i++) {
      rolling.update(high[i], low[i], close[i]);
      value[i] = rolling.value();
      direction[i] = rolling.direction();
      upper[i] = rolling.upperBand();
      lower[i] = rolling.lowerBand();
    }
    return new SuperTrend(value, direction, upper, lower);
  }
}
