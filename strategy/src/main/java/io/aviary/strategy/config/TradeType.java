package io.aviary.strategy.config;

/** Hummingbot's {@code TradeType}; configs write it as its integer code. */
public enum TradeType {
    BUY(1),
    SELL(2),
    RANGE(3);

    private final int code;

    TradeType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
