package io.aviary.kit.ownership;

/**
 * This replica's hold on one named piece of work, from {@link Leases#tryAcquire}. It is valid until renewal fails
 * for longer than the lease's time to live, another replica takes it over (its epoch moved on), or it is released.
 * Work done for the lease checks {@link #isValid()} right before acting (fencing): an owner that may have lost the
 * lease stops, even while the database cannot be asked.
 */
public final class Lease {

    private final String name;
    private final long epoch;
    private final LeaseListener listener;
    private volatile long validUntilNanos;
    private volatile boolean ended;

    Lease(String name, long epoch, LeaseListener listener, long validUntilNanos) {
        this.name = name;
        this.epoch = epoch;
        this.listener = listener;
        this.validUntilNanos = validUntilNanos;
    }

    public String name() {
        return name;
    }

    /** Increases with every change of owner; an owner that sees another epoch in the table has lost the lease. */
    public long epoch() {
        return epoch;
    }

    /**
     * True while this replica may act for the lease: not ended, and renewed recently enough that its expiry in the
     * database (judged by the database's clock, always later than this replica's measure) has not passed.
     */
    public boolean isValid() {
        return !ended && System.nanoTime() - validUntilNanos < 0;
    }

    LeaseListener listener() {
        return listener;
    }

    void extendUntil(long nanos) {
        validUntilNanos = nanos;
    }

    boolean expiredLocally(long now) {
        return now - validUntilNanos >= 0;
    }

    /** Ends it once; true for the caller that ended it. */
    synchronized boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }

    @Override
    public String toString() {
        return "Lease[" + name + ", epoch " + epoch + (isValid() ? "" : ", no longer valid") + "]";
    }
}
