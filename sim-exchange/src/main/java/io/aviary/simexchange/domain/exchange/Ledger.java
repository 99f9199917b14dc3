package io.aviary.simexchange.domain.exchange;

import io.aviary.simexchange.domain.model.VenueKind;
import java.math.BigDecimal;

/**
 * The money side of a venue: what an order must reserve, what a trade books, what a cancel frees.
 * Spot moves assets; perpetuals move margin and positions. Never called for house (simulated
 * liquidity) accounts, which have no balances.
 */
public sealed interface Ledger permits SpotLedger, PerpLedger {

    VenueKind kind();

    boolean hasAccount(long accountId);

    /** Checks funds (and position rules) and reserves what the order needs; throws VenueRejection. */
    void reserve(Order order, Market market, Sweep sweep);

    /** Books one side of a trade of {@code amount} at {@code price}. */
    Settlement settle(Order order, Market market, BigDecimal price, BigDecimal amount, boolean maker, long now);

    /** The order is done: frees whatever it still reserves. */
    void release(Order order);

    /** Re-attaches a restored open order's reservation. */
    void restoreOrder(Order order);

    /** Emits balance (and position) events for what changed since the last flush. */
    void flush(EventBuffer out, long now);
}
