package io.aviary.connectors.venues.resilience;

import io.aviary.connectors.port.VenueException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The rate limiter, circuit breaker and read retry of one venue. Shared by the venue's market-data
 * connector and all its trading sessions (limits and outages are per venue, not per session).
 *
 * <p>Only {@link VenueException.Unavailable} and {@link VenueException.Unexpected} (and stray runtime
 * errors) count as breaker failures: a rejected order or a bad key says nothing about the venue's
 * health. Only {@link VenueException.Unavailable} is retried, and only for reads.
 */
public final class VenueResilience {

    private final String connector;
    private final ResiliencePolicy policy;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker breaker;
    private final Retry retry;

    public VenueResilience(String connector, ResiliencePolicy policy) {
        this.connector = connector;
        this.policy = policy;
        this.rateLimiter = RateLimiter.of(connector, RateLimiterConfig.custom()
                .limitForPeriod(policy.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(policy.rateLimitWait())
                .build());
        this.breaker = CircuitBreaker.of(connector, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(policy.breakerWindow())
                .minimumNumberOfCalls(policy.breakerWindow())
                .failureRateThreshold(100f)
                .waitDurationInOpenState(policy.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(VenueResilience::isVenueFailure)
                .build());
        this.retry = Retry.of(connector, RetryConfig.custom()
                .maxAttempts(policy.readAttempts())
                .waitDuration(policy.retryWait())
                .retryOnException(VenueResilience::isRetryable)
                .failAfterMaxAttempts(false)
                .build());
    }

    public String connector() {
        return connector;
    }

    public ResiliencePolicy policy() {
        return policy;
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /** A safe, idempotent call: rate limited, guarded by the breaker, retried when the venue was unavailable. */
    public <T> T read(Supplier<T> call) {
        Supplier<T> guarded = guarded(call);
        return Retry.decorateSupplier(retry, guarded).get();
    }

    /** A call with side effects (place, cancel, settings): rate limited and guarded, never retried. */
    public <T> T write(Supplier<T> call) {
        return guarded(call).get();
    }

    public void writeVoid(Runnable call) {
        write(() -> {
            call.run();
            return null;
        });
    }

    private <T> Supplier<T> guarded(Supplier<T> call) {
        return () -> {
            try {
                RateLimiter.waitForPermission(rateLimiter);
            } catch (RequestNotPermitted e) {
                throw new VenueException.RateLimited(connector,
                        "client-side rate limit of " + policy.requestsPerSecond() + " requests/s reached",
                        policy.rateLimitWait().toMillis());
            }
            try {
                return breaker.executeSupplier(call);
            } catch (CallNotPermittedException e) {
                throw new VenueException.Unavailable(connector,
                        "circuit breaker open after repeated failures; venue considered unavailable", e);
            }
        };
    }

    static boolean isVenueFailure(Throwable t) {
        return switch (t) {
            case VenueException.Unavailable u -> true;
            case VenueException.Unexpected u -> true;
            case VenueException v -> false;
            default -> true;
        };
    }

    static boolean isRetryable(Throwable t) {
        return t instanceof VenueException.Unavailable && !(t.getCause() instanceof CallNotPermittedException);
    }
}
