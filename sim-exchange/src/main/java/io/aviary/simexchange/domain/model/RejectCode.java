package io.aviary.simexchange.domain.model;

/**
 * Why the venue refused a request. {@link #notFound()} codes are answered 404 on the wire, the
 * others 400; the names are the wire error codes.
 */
public enum RejectCode {
    INSUFFICIENT_BALANCE,
    BELOW_MIN_NOTIONAL,
    BELOW_MIN_SIZE,
    ABOVE_MAX_SIZE,
    PRICE_NOT_ON_TICK,
    AMOUNT_NOT_ON_STEP,
    POST_ONLY_WOULD_CROSS,
    NO_LIQUIDITY,
    INVALID_ORDER,
    INVALID_CLIENT_ORDER_ID,
    POSITION_ACTION_REQUIRED,
    REDUCE_ONLY_EXCEEDS_POSITION,
    POSITION_MODE_CHANGE_REFUSED,
    INVALID_LEVERAGE,
    ORDER_NOT_OPEN,
    UNKNOWN_MARKET,
    UNKNOWN_ORDER,
    UNKNOWN_ACCOUNT;

    public boolean notFound() {
        return this == UNKNOWN_MARKET || this == UNKNOWN_ORDER || this == UNKNOWN_ACCOUNT;
    }
}
