package io.aviary.simexchange.app;

import java.time.Duration;

/**
 * When funding is settled: at every multiple of the interval since the epoch (00:00, 08:00, 16:00
 * UTC for 8 h). If the venue slept through several funding times, only the latest is settled.
 */
public final class FundingClock {

    private final long intervalMillis;
    private volatile long next;

    public FundingClock(Duration interval, long nowMillis) {
        this.intervalMillis = interval.toMillis();
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("funding interval must be positive");
        }
        this.next = after(nowMillis);
    }

    public long nextFundingTime() {
        return next;
    }

    /** The funding time that is due at {@code nowMillis} (and moves the clock on), or -1. */
    public synchronized long due(long nowMillis) {
        if (nowMillis < next) {
            return -1;
        }
        long due = Math.floorDiv(nowMillis, intervalMillis) * intervalMillis;
        next = due + intervalMillis;
        return due;
    }

    private long after(long nowMillis) {
        return (Math.floorDiv(nowMillis, intervalMillis) + 1) * intervalMillis;
    }
}
