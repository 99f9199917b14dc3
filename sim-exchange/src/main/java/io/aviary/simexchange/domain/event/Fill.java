package io.aviary.simexchange.domain.event;

import io.aviary.simexchange.domain.model.PositionAction;
import io.aviary.simexchange.domain.model.Side;
import java.math.BigDecimal;

/**
 * One execution of one account's order. {@code tradeId} is unique per market and shared by the two
 * sides of a trade. {@code realizedPnl} is the perpetual PnL this fill realised (zero on spot).
 */
public record Fill(long tradeId, long orderId, String clientOrderId, long accountId, String symbol, Side side,
        BigDecimal price, BigDecimal amount, BigDecimal fee, String feeAsset, boolean maker,
        PositionAction positionAction, BigDecimal realizedPnl, long timestamp) {
}
