package io.aviary.connectors.model;

import java.util.EnumSet;
import java.util.Set;

/** Hummingbot in-flight order states that a venue can report. */
public enum OrderState {
    PENDING_CREATE, OPEN, PENDING_CANCEL, CANCELED, PARTIALLY_FILLED, FILLED, FAILED;

    private static final Set<OrderState> OPEN_STATES = EnumSet.of(PENDING_CREATE, OPEN, PARTIALLY_FILLED, PENDING_CANCEL);

    public boolean isOpen() {
        return OPEN_STATES.contains(this);
    }

    public boolean isDone() {
        return !isOpen();
    }
}
