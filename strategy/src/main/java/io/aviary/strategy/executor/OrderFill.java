package io.aviary.strategy.executor;

/**
 * One fill of an order, reported by the host to the order's {@link OrderListener}.
 *
 * @param amount base amount of this fill
 * @param feeQuote fee of this fill converted to the quote asset (Hummingbot's {@code fee_amount_in_token(quote)})
 * @param completesOrder true when the order has no remaining amount after this fill
 */
public record OrderFill(String orderId, long timestamp, double price, double amount, double feeQuote,
    boolean completesOrder) {}
