package io.aviary.trading.domain;

import io.aviary.connectors.model.OrderState;

/**
 * The order status kept in the database and answered by order search: the Hummingbot API recorder's
 * vocabulary (SUBMITTED, PARTIALLY_FILLED, FILLED, CANCELLED, FAILED) plus OPEN for an order the venue
 * acknowledged, so "submitted but never confirmed" can be told apart from "resting on the book".
 */
public enum OrderStatus {
    SUBMITTED, OPEN, PARTIALLY_FILLED, FILLED, CANCELLED, FAILED;

    public boolean isOpen() {
        return this == SUBMITTED || this == OPEN || this == PARTIALLY_FILLED;
    }

    public boolean isDone() {
        return !isOpen();
    }

    /** The Hummingbot in-flight state name this status corresponds to (what events carry). */
    public String hummingbotState() {
        return switch (this) {
            case SUBMITTED -> OrderState.PENDING_CREATE.name();
            case CANCELLED -> OrderState.CANCELED.name();
            default -> name();
        };
    }

    /**
     * The status after the venue reported {@code state}. A finished order never reopens (a late OPEN
     * after a FILLED arrives when stream and poll race), and PENDING_CANCEL keeps what the order was.
     */
    public OrderStatus after(OrderState state) {
        if (isDone()) {
            return this;
        }
        return switch (state) {
            case PENDING_CREATE -> this;
            case PENDING_CANCEL -> this == SUBMITTED ? OPEN : this;
            case OPEN -> this == PARTIALLY_FILLED ? PARTIALLY_FILLED : OPEN;
            case PARTIALLY_FILLED -> PARTIALLY_FILLED;
            case FILLED -> FILLED;
            case CANCELED -> CANCELLED;
            case FAILED -> FAILED;
        };
    }
}
