package io.aviary.connectors.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as the caller wants it placed. The caller chooses {@code clientOrderId} (retries with
 * the same id must not create a second order). {@code price} is null for MARKET orders.
 */
public record OrderRequest(String clientOrderId, TradingPair tradingPair, TradeType side, OrderType type,
        BigDecimal amount, BigDecimal price, PositionAction positionAction) {

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(tradingPair, "tradingPair");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(amount, "amount");
        positionAction = positionAction == null ? PositionAction.NIL : positionAction;
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        if (type.isLimitType() && (price == null || price.signum() <= 0)) {
            throw new IllegalArgumentException(type + " orders need a positive price");
        }
    }
}
