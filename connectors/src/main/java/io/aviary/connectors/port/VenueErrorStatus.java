package io.aviary.connectors.port;

/**
 * How a venue failure is answered over HTTP, in one place for every service that talks to venues.
 * The detail is the connector's message (which names the connector and the venue's reason, never
 * credentials).
 */
public record VenueErrorStatus(int status, String detail, long retryAfterSeconds) {

    public static VenueErrorStatus of(VenueException e) {
        return switch (e) {
            case VenueException.Unavailable u -> new VenueErrorStatus(503, u.getMessage(), 0);
            case VenueException.RateLimited r ->
                    new VenueErrorStatus(503, r.getMessage(), Math.max(1, (r.retryAfterMillis() + 999) / 1000));
            case VenueException.Rejected r -> new VenueErrorStatus(400, r.getMessage(), 0);
            case VenueException.AuthenticationFailed a -> new VenueErrorStatus(400, a.getMessage(), 0);
            case VenueException.Unsupported u -> new VenueErrorStatus(400, u.getMessage(), 0);
            case VenueException.NotFound n -> new VenueErrorStatus(404, n.getMessage(), 0);
            case VenueException.Unexpected x -> new VenueErrorStatus(502, x.getMessage(), 0);
        };
    }
}
