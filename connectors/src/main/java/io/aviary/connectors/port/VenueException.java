package io.aviary.connectors.port;

/**
 * Every failure a connector reports. Services map the kinds to HTTP: {@link Unavailable} → 503,
 * {@link RateLimited} → 503 with retry hint, {@link Rejected} → 400 with the venue's reason,
 * {@link AuthenticationFailed} → 400/401 with the venue's reason, {@link Unsupported} → 400,
 * {@link NotFound} → 404, {@link Unexpected} → 502. Messages never contain credentials.
 */
public abstract sealed class VenueException extends RuntimeException {

    private final String connector;

    protected VenueException(String connector, String message, Throwable cause) {
        super(connector + ": " + message, cause);
        this.connector = connector;
    }

    public String connector() {
        return connector;
    }

    /** The venue cannot be reached, timed out, or its circuit breaker is open. Safe to retry later. */
    public static final class Unavailable extends VenueException {
        public Unavailable(String connector, String message, Throwable cause) {
            super(connector, message, cause);
        }
    }

    /** The venue throttled us; {@code retryAfterMillis} is its hint (0 when it gave none). */
    public static final class RateLimited extends VenueException {
        private final long retryAfterMillis;

        public RateLimited(String connector, String message, long retryAfterMillis) {
            super(connector, message, null);
            this.retryAfterMillis = retryAfterMillis;
        }

        public long retryAfterMillis() {
            return retryAfterMillis;
        }
    }

    /** The venue refused the request on its merits (insufficient balance, below min notional, …). */
    public static final class Rejected extends VenueException {
        public Rejected(String connector, String message) {
            super(connector, message, null);
        }
    }

    /** The credentials were refused (wrong key, bad signature, expired). */
    public static final class AuthenticationFailed extends VenueException {
        public AuthenticationFailed(String connector, String message) {
            super(connector, message, null);
        }
    }

    /** The connector does not offer this operation (e.g. funding on a spot venue). */
    public static final class Unsupported extends VenueException {
        public Unsupported(String connector, String message) {
            super(connector, message, null);
        }
    }

    /** The venue does not know the pair or order asked for. */
    public static final class NotFound extends VenueException {
        public NotFound(String connector, String message) {
            super(connector, message, null);
        }
    }

    /** The venue answered something the connector cannot interpret. */
    public static final class Unexpected extends VenueException {
        public Unexpected(String connector, String message, Throwable cause) {
            super(connector, message, cause);
        }
    }
}
