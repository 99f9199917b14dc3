package io.aviary.simexchange.domain.event;

import io.aviary.simexchange.domain.model.OrderStatus;
import io.aviary.simexchange.domain.model.OrderType;
import io.aviary.simexchange.domain.model.PositionAction;
import io.aviary.simexchange.domain.model.Side;
import java.math.BigDecimal;

/**
 * The full state of one order at a moment. {@code locked} (funds still reserved by the order, in
 * the quote asset for spot buys and perpetual margin, in the base asset for spot sells) and
 * {@code leverage} are internal bookkeeping that the journal needs to restore the order.
 * Times are epoch milliseconds; {@code price} is null for market orders.
 */
public record OrderSnapshot(long orderId, String clientOrderId, long accountId, String symbol, Side side,
        OrderType type, BigDecimal price, BigDecimal amount, PositionAction positionAction, OrderStatus status,
        BigDecimal executedBase, BigDecimal executedQuote, BigDecimal feePaid, String feeAsset, BigDecimal locked,
        int leverage, long createdAt, long updatedAt, String reason) {
}
