package io.aviary.strategy.indicator;

/** Streaming {@link Macd}: one {@link #update(double)} per closed candle. */
public final class RollingMacd {
  private final ExponentialSmoother fast;
  private final ExponentialSmoother slow;
  private final ExponentialSmoother signal;
  private double macd = Double.NaN;
  private double signalValue = Double.NaN;

  public RollingMacd(int fast, int slow, int signal) {
    if (fast >= slow) {
      throw new IllegalArgumentException("fast must be < slow");
    }
    this.fast = ExponentialSmoother.ema(fast);
    this.slow = ExponentialSmoother.ema(slow);
    this.signal = ExponentialSmoother.ema(signal);
  }

  public void update(double close) {
    macd = fast.update(close) - slow.update(close);
    signalValue = signal.update(macd);
  }

  public double macd() {
    return macd;
  }

  public double signal() {
    return signalValue;
  }

  public double histogram() {
    return macd - signalValue;
  }
}
