package io.aviary.connectors.venues.support;

import io.aviary.connectors.port.VenueException;

/** HTTP-level classification shared by all venues, used when the venue's own code says nothing more. */
public final class VenueErrors {

    private VenueErrors() {
    }

    public static VenueException fromHttp(String connector, HttpResult result, String venueMessage) {
        String message = "HTTP " + result.status() + (venueMessage == null || venueMessage.isBlank()
                ? "" : ": " + Json.abbreviate(venueMessage, 300));
        int s = result.status();
        if (s == 429 || s == 418) {
            return new VenueException.RateLimited(connector, message, result.retryAfterMillis());
        }
        if (s == 401 || s == 403) {
            return new VenueException.AuthenticationFailed(connector, message);
        }
        if (s == 404) {
            return new VenueException.NotFound(connector, message);
        }
        if (s >= 500) {
            return new VenueException.Unavailable(connector, message, null);
        }
        if (s >= 400) {
            return new VenueException.Rejected(connector, message);
        }
        return new VenueException.Unexpected(connector, message, null);
    }

    /** Wraps anything a mapper did not foresee (parse errors, nulls) as {@link VenueException.Unexpected}. */
    public static VenueException unexpected(String connector, Throwable t) {
        if (t instanceof VenueException v) {
            return v;
        }
        return new VenueException.Unexpected(connector,
                "unexpected venue answer: " + t.getClass().getSimpleName()
                        + (t.getMessage() == null ? "" : " " + Json.abbreviate(t.getMessage(), 200)), t);
    }
}
