package io.aviary.strategy.executor;

/**
 * One fill of an order, reported by the host to the order's {@link OrderListener}.
 *
 * @param amount base amount of this fill
 * @param feeQuote fee of this fill converted to the quote asset (Hummingbot's {@code fee_amount_in_token(quote)})
 * @param completesOrder true when the order has no remaining amount after this fill
 * @param tradeId the venue's id of this fill (trade), or {@code null}; an executor that keeps checkpoints counts a
 *     trade id once per order, so a host may deliver a fill again after a restart (see {@link ExecutorCheckpoint})
 */
public record OrderFill(String orderId, long timestamp, double price, double amount, double feeQuote,
    boolean completesOrder, String tradeId) {

  /** A fill without a trade id (the backtester's: every fill is delivered exactly once). */
  public OrderFill(String orderId, long timestamp, double price, double amount, double feeQuote,
      boolean completesOrder) {
    this(orderId, timestamp, price, amount, feeQuote, completesOrder, null);
  }
}
