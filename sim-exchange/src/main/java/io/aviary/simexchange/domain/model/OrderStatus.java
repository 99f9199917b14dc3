package io.aviary.simexchange.domain.model;

/** Life cycle of an accepted order. Rejected orders are never stored, so there is no REJECTED. */
public enum OrderStatus {
    OPEN, PARTIALLY_FILLED, FILLED, CANCELED;

    public boolean isOpen() {
        return this == OPEN || this == PARTIALLY_FILLED;
    }
}
