package io.aviary.connectors.venues.resilience;

import java.time.Duration;

/**
 * How one venue is protected.
 *
 * @param requestsPerSecond  client-side rate limit (permits per second) sized below the venue's documented limit
 * @param rateLimitWait      how long a call may wait for a permit before failing as rate limited
 * @param readAttempts       attempts of a safe read (1 = no retry); writes are never retried
 * @param retryWait          pause between read attempts
 * @param breakerWindow      the breaker opens when this many consecutive recorded calls failed
 * @param breakerOpenFor     how long an open breaker fails calls fast before probing again
 */
public record ResiliencePolicy(int requestsPerSecond, Duration rateLimitWait, int readAttempts, Duration retryWait,
        int breakerWindow, Duration breakerOpenFor) {

    public ResiliencePolicy {
        if (requestsPerSecond < 1 || readAttempts < 1 || breakerWindow < 1) {
            throw new IllegalArgumentException("resilience policy values must be positive");
        }
    }

    /** Defaults with the given rate: 3 read attempts 200 ms apart, breaker after 10 failures for 30 s. */
    public static ResiliencePolicy perSecond(int requestsPerSecond) {
        return new ResiliencePolicy(requestsPerSecond, Duration.ofSeconds(5), 3, Duration.ofMillis(200), 10,
                Duration.ofSeconds(30));
    }

    public ResiliencePolicy withReadAttempts(int attempts, Duration wait) {
        return new ResiliencePolicy(requestsPerSecond, rateLimitWait, attempts, wait, breakerWindow, breakerOpenFor);
    }

    public ResiliencePolicy withBreaker(int window, Duration openFor) {
        return new ResiliencePolicy(requestsPerSecond, rateLimitWait, readAttempts, retryWait, window, openFor);
    }

    public ResiliencePolicy withRateLimit(int perSecond, Duration wait) {
        return new ResiliencePolicy(perSecond, wait, readAttempts, retryWait, breakerWindow, breakerOpenFor);
    }
}
