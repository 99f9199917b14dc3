package io.aviary.strategy.indicator;

/** Shared helpers of the indicators. */
final class Indicators {
  private Indicators() {}

  static void requireLength(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be >= 1, was " + length);
    }
  }

  /** Batch form of {@link ExponentialSmoother}. */
  static double[] smooth(double[] x, int size, int length, double alpha) {
    ExponentialSmoother smoother = new ExponentialSmoother(length, alpha);
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] = smoother.update(x[i]);
    }
    return out;
  }
}
