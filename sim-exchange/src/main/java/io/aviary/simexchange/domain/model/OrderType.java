package io.aviary.simexchange.domain.model;

/** Order types the venue accepts. LIMIT_MAKER is post-only: refused if it would take liquidity. */
public enum OrderType {
    LIMIT, MARKET, LIMIT_MAKER;

    public boolean isLimit() {
        return this != MARKET;
    }
}
