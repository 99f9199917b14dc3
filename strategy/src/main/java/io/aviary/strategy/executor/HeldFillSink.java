package io.aviary.strategy.executor;

/**
 * Receives the fills an executor that ended in {@link CloseType#POSITION_HOLD} hands to a position hold
 * (Hummingbot's {@code held_position_orders}), one aggregated fill at a time.
 */
@FunctionalInterface
public interface HeldFillSink {

  /**
   * @param sign +1 bought, −1 sold
   * @param amount base amount
   * @param price average price of that amount
   */
  void book(int sign, double amount, double price);
}
