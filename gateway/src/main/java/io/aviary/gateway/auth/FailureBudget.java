package io.aviary.gateway.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket of failed logins across all addresses: {@code capacity} tokens, refilled evenly at
 * {@code capacity} per {@code period}. Each failure takes one; when none is left the failure is over
 * budget. Synchronized: one small critical section per failed login is cheap next to a password check.
 */
final class FailureBudget {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private Instant refilledAt;

    FailureBudget(int capacity, Duration period, Instant now) {
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) period.toNanos();
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes one failure from the budget; false when it is spent. */
    synchronized boolean take(Instant now) {
        if (now.isAfter(refilledAt)) {
            tokens = Math.min(capacity, tokens + Duration.between(refilledAt, now).toNanos() * tokensPerNano);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
