package io.aviary.strategy.market;

/**
 * A venue's trading rules for one market as executors and the backtester need them (the part of Hummingbot's
 * {@code TradingRule} its executors read), in doubles like the rest of strategy. A zero field is no constraint:
 * {@link #NONE} has none, and every method then answers as if there were no rules.
 *
 * <p>Venues round an order's amount and price down to their increments ({@link #quantizeAmount},
 * {@link #quantizePrice}) and refuse a rounded order below the minimum size or notional ({@link #meetsMinimumSize},
 * {@link #meetsMinimumNotional}).
 * Comparisons allow a relative 1e-9, so a double that lands a hair under a boundary (0.003 / 0.001 =
 * 2.9999999999999996) counts as on it, as the venue's decimal arithmetic would have it. Allocation-free.
 *
 * @param minOrderSize smallest amount, base
 * @param minNotionalSize smallest amount × price, quote
 * @param minPriceIncrement price tick
 * @param minBaseAmountIncrement amount step, base
 */
public record TradingRules(double minOrderSize, double minNotionalSize, double minPriceIncrement,
    double minBaseAmountIncrement) {
  /** No constraints: amounts and prices pass unchanged, no minimum. */
  public static final TradingRules NONE = new TradingRules(0, 0, 0, 0);
  private static final double TOLERANCE = 1e-9;

  public TradingRules {
    if (!(minOrderSize >= 0) || !(minNotionalSize >= 0) || !(minPriceIncrement >= 0)
        || !(minBaseAmountIncrement >= 0)) {
      throw new IllegalArgumentException("trading rules must be finite and >= 0");
    }
  }

  /** {@code amount} rounded down to {@link #minBaseAmountIncrement} (unchanged without one). */
  public double quantizeAmount(double amount) {
    return roundDown(amount, minBaseAmountIncrement);
  }

  /** {@code price} rounded down to {@link #minPriceIncrement} (unchanged without one; NaN stays NaN). */
  public double quantizePrice(double price) {
    return roundDown(price, minPriceIncrement);
  }

  /** Whether a (rounded) amount is positive and at least {@link #minOrderSize}. */
  public boolean meetsMinimumSize(double amount) {
    return amount > 0 && amount >= minOrderSize * (1 - TOLERANCE);
  }

  /** Whether amount × price reaches {@link #minNotionalSize}; true for a NaN price (notional not judged). */
  public boolean meetsMinimumNotional(double amount, double price) {
    return minNotionalSize == 0 || Double.isNaN(price) || amount * price >= minNotionalSize * (1 - TOLERANCE);
  }

  private static double roundDown(double value, double increment) {
    if (increment == 0) {
      return value;
    }
    return Math.floor(value / increment + TOLERANCE) * increment;
  }

  /** {@code value} rounded up to {@code increment} (unchanged without one), for sizes that must reach a minimum. */
  public static double roundUp(double value, double increment) {
    if (increment == 0) {
      return value;
    }
    return Math.ceil(value / increment - TOLERANCE) * increment;
  }
}
