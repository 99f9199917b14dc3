package io.aviary.simexchange.domain.model;

/** Side of an order or trade. */
public enum Side {
    BUY, SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for BUY, -1 for SELL: the sign a fill of this side gives a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
