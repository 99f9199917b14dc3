package io.aviary.connectors.model;

/** Hummingbot order types ({@code is_limit_type}: LIMIT and LIMIT_MAKER). */
public enum OrderType {
    LIMIT, MARKET, LIMIT_MAKER;

    public boolean isLimitType() {
        return this != MARKET;
    }
}
