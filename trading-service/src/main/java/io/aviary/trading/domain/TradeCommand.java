package io.aviary.trading.domain;

import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import java.math.BigDecimal;

/**
 * An order as the caller asked for it, before the venue's rules are applied. {@code clientOrderId}
 * and {@code idempotencyKey} are optional (null).
 */
public record TradeCommand(SessionKey session, TradingPair tradingPair, TradeType tradeType, OrderType orderType,
        BigDecimal amount, BigDecimal price, PositionAction positionAction, String clientOrderId,
        String idempotencyKey) {
}
