package io.aviary.marketdata.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When a feed was last used and therefore when it may be stopped: a feed unused for longer than
 * {@code timeout} has expired. Thread-safe.
 */
public final class FeedLease {

    private final Duration timeout;
    private volatile Instant lastAccess;
    /** A pinned feed never expires: {@code POST /market-data/trading-pair/add} asked for it until it is removed. */
    private volatile boolean pinned;
    /** Live subscribers (WebSocket streams) reading the feed: it never expires while one holds it. */
    private final AtomicInteger holds = new AtomicInteger();

    public FeedLease(Instant now, Duration timeout) {
        this.lastAccess = now;
        this.timeout = timeout;
    }

    public void touch(Instant now) {
        if (now.isAfter(lastAccess)) {
            lastAccess = now;
        }
    }

    public Instant lastAccess() {
        return lastAccess;
    }

    public Duration sinceAccess(Instant now) {
        Duration d = Duration.between(lastAccess, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Time left before expiry, never negative. */
    public Duration expiresIn(Instant now) {
        Duration left = timeout.minus(sinceAccess(now));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean expired(Instant now) {
        return !pinned && holds.get() == 0 && sinceAccess(now).compareTo(timeout) > 0;
    }

    public void pin() {
        pinned = true;
    }

    /** A subscriber starts reading the feed; it stays until every holder has released it. */
    public void hold() {
        holds.incrementAndGet();
    }

    /** A subscriber stopped; the feed then expires {@code timeout} after this last use, like after a request. */
    public void release(Instant now) {
        touch(now);
        holds.updateAndGet(n -> Math.max(0, n - 1));
    }

    public int holders() {
        return holds.get();
    }

    public boolean pinned() {
        return pinned;
    }
}
