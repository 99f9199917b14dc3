package io.aviary.backtesting.domain;

/** A backtest task's state, named as hummingbot-api names them on the wire. */
public enum TaskStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TaskStatus ofWire(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
