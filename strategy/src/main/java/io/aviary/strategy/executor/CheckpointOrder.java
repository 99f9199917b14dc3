package io.aviary.strategy.executor;

import java.util.List;

/**
 * One order an executor placed, as its checkpoint keeps it: what was asked, what filled, what became of it. A host
 * reconciles the {@link Status#OPEN} ones with the venue by {@code clientOrderId} after a restart.
 *
 * @param role what the order is for the executor: {@code open}, {@code take_profit}, {@code close} (position),
 *     {@code level} (DCA entry level {@code level}), {@code grid_open}/{@code grid_close} (grid level {@code level}),
 *     {@code shutdown_close} (grid), {@code order} (order executor), {@code slice} (TWAP order {@code level}),
 *     {@code buy}/{@code sell} (arbitrage legs), {@code maker}/{@code taker} (XEMM); the role also names the order's
 *     market ({@link ExecutorConfig#marketOf})
 * @param level the level or slice index, −1 when the role has none
 * @param amount requested base amount
 * @param price limit price, NaN for MARKET orders
 * @param filledBase base filled so far, as the executor counted it
 * @param filledQuote {@code Σ amount·price} of those fills
 * @param feesQuote fees of those fills, in the quote asset
 * @param cancelRequested the executor asked the venue to cancel it
 * @param tradeIds the trade ids counted for this order (the duplicate filter; empty for fills without one)
 */
public record CheckpointOrder(
    String clientOrderId, String role, int level, TradeType side, OrderType orderType, double amount, double price,
    PositionAction positionAction, double filledBase, double filledQuote, double feesQuote, boolean cancelRequested,
    Status status, List<String> tradeIds) {

  /** What became of the order as far as the executor knows. */
  public enum Status {
    /** Resting or in flight: the venue may still fill it. */
    OPEN,
    /** Completely filled. */
    FILLED,
    /** Cancelled (on request or by the venue) with whatever it filled. */
    CANCELLED,
    /** Rejected or lost. */
    FAILED
  }

  public CheckpointOrder {
    tradeIds = List.copyOf(tradeIds);
  }
}
