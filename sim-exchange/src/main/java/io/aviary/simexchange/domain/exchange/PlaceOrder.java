package io.aviary.simexchange.domain.exchange;

import io.aviary.simexchange.domain.model.OrderType;
import io.aviary.simexchange.domain.model.PositionAction;
import io.aviary.simexchange.domain.model.Side;
import java.math.BigDecimal;

/** An order as an account asks for it; {@code price} is null for MARKET. */
public record PlaceOrder(String clientOrderId, String symbol, Side side, OrderType type, BigDecimal amount,
        BigDecimal price, PositionAction positionAction) {

    public PlaceOrder {
        positionAction = positionAction == null ? PositionAction.NIL : positionAction;
    }
}
