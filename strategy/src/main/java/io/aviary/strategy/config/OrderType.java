package io.aviary.strategy.config;

/** Hummingbot's {@code OrderType}; configs write it as its integer code. */
public enum OrderType {
    MARKET(1),
    LIMIT(2),
    LIMIT_MAKER(3),
    AMM_SWAP(4),
    AMM_ADD(5),
    AMM_REMOVE(6);

    private final int code;

    OrderType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
