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

    /** A change needed more of {@code asset} than was available; nothing was stored. */
    final class InsufficientBalance extends RuntimeException {
        public InsufficientBalance(String asset, BigDecimal needed, BigDecimal available) {
            super("insufficient " + asset + " balance: need " + needed.stripTrailingZeros().toPlainString()
                    + ", available " + available.stripTrailingZeros().toPlainString());
        }
    }
}
