package io.aviary.trading.domain;

import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;

/**
 * One stored order with what its fills add up to. {@code price} is null for MARKET orders; {@code state}
 * is the Hummingbot in-flight state the venue last reported, {@code status} what Aviary concluded.
 * {@code statusInferred}: the status was concluded by reconciliation from the venue not knowing the
 * order, not reported by the venue, so a later venue report may still override it.
 */
public record OrderRecord(long id, String accountName, String connectorName, String clientOrderId,
        String exchangeOrderId, TradingPair tradingPair, TradeType tradeType, OrderType orderType,
        PositionAction positionAction, BigDecimal amount, BigDecimal price, OrderState state, OrderStatus status, BigDecimal filledAmount,
        BigDecimal filledQuote, BigDecimal feePaid, String feeCurrency, String errorMessage, Instant createdAt,
        Instant updatedAt, boolean statusInferred) {

    public SessionKey session() {
        return new SessionKey(accountName, connectorName);
    }

    /**
     * The status after the venue reported {@code reported}. A reported status follows
     * {@link OrderStatus#after}; an inferred one yields to whatever the venue says about the order
     * (it knows the order after all), except the pending states, which say nothing about its fate.
     */
    public OrderStatus after(OrderState reported) {
        if (!statusInferred || status.isOpen()
                || reported == OrderState.PENDING_CREATE || reported == OrderState.PENDING_CANCEL) {
            return status.after(reported);
        }
        OrderStatus known = filledAmount.signum() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
        return known.after(reported);
    }

    /** Σ price·amount / Σ amount of the fills; null before the first fill. */
    public BigDecimal averageFillPrice() {
        return filledAmount.signum() == 0 ? null : filledQuote.divide(filledAmount, MathContext.DECIMAL64);
    }
}
