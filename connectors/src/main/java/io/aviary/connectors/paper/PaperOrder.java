package io.aviary.connectors.paper;

import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A paper order as the ledger keeps it. {@code lockedAsset}/{@code lockedRemaining} is what the
 * order still holds of the account's balance (quote for a resting BUY, base for a resting SELL).
 */
public record PaperOrder(String clientOrderId, String exchangeOrderId, TradingPair tradingPair, TradeType side,
        OrderType type, BigDecimal price, BigDecimal amount, BigDecimal executedBase, BigDecimal executedQuote,
        OrderState state, String reason, String lockedAsset, BigDecimal lockedRemaining, Instant createdAt,
        Instant updatedAt) {

    public BigDecimal remaining() {
        return amount.subtract(executedBase);
    }

    public boolean isOpen() {
        return state == OrderState.OPEN || state == OrderState.PARTIALLY_FILLED;
    }

    public OrderUpdate toUpdate() {
        return new OrderUpdate(clientOrderId, exchangeOrderId, tradingPair, side, type, price, amount, state,
                executedBase, executedQuote, updatedAt, reason);
    }

    PaperOrder with(BigDecimal executedBase, BigDecimal executedQuote, OrderState state, String reason,
            BigDecimal lockedRemaining, Instant at) {
        return new PaperOrder(clientOrderId, exchangeOrderId, tradingPair, side, type, price, amount, executedBase,
                executedQuote, state, reason, lockedAsset, lockedRemaining, createdAt, at);
    }
}
