package io.aviary.connectors.paper;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.TradingPair;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where paper accounts live: balances, orders and fills, so they survive restarts. Every change of
 * an order goes in with its fills and balance changes as one atomic step.
 */
public interface PaperLedger {

    /** Creates the account with these balances unless it already exists (then it is left as it is). */
    void open(PaperAccount account, Map<String, BigDecimal> startingBalances);

    List<Balance> balances(PaperAccount account);

    Optional<PaperOrder> order(PaperAccount account, String clientOrderId);

    /** Open orders, oldest first. */
    List<PaperOrder> openOrders(PaperAccount account);

    /** Fills of one order ({@code clientOrderId} non-null) or of a pair since a time, oldest first. */
    List<Fill> fills(PaperAccount account, String clientOrderId, TradingPair pair, Instant since);

    /**
     * Stores {@code order} (new or changed) with its new fills and balance changes, all or nothing.
     *
     * @throws InsufficientBalance when a change would leave an asset's available amount below zero
     */
    void apply(PaperAccount account, PaperOrder order, List<Fill> newFills, List<BalanceChange> changes);

    /**
     * Sets the total of {@code asset} (Hummingbot's {@code balance paper}), opening the account with
     * {@code startingBalances} first if it does not exist; what open orders lock of it stays locked.
     *
     * @throws InsufficientBalance when {@code total} is below what open orders lock of the asset; nothing was stored
     */
    void setBalance(PaperAccount account, Map<String, BigDecimal> startingBalances, String asset, BigDecimal total);

    /** A change needed more of {@code asset} than was available; nothing was stored. */
    final class InsufficientBalance extends RuntimeException {
        public InsufficientBalance(String asset, BigDecimal needed, BigDecimal available) {
            super("insufficient " + asset + " balance: need " + plain(needed) + ", available " + plain(available));
        }

        private InsufficientBalance(String message) {
            super(message);
        }

        /** A balance set below what open orders hold of it. */
        public static InsufficientBalance lockedByOrders(String asset, BigDecimal locked, BigDecimal total) {
            return new InsufficientBalance("open orders lock " + plain(locked) + " " + asset
                    + "; the paper balance cannot be set below that (" + plain(total) + ")");
        }

        private static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    /** The ledger's store failed; the paper venue is then unavailable, like a real one whose backend is down. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
