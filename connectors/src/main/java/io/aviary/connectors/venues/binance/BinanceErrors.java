package io.aviary.connectors.venues.binance;

import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.xchange.XChangeErrors;
import java.util.Set;
import org.knowm.xchange.binance.dto.BinanceException;

/** Binance error codes (spot and USDⓈ-M futures) as the port's failure kinds. */
final class BinanceErrors {

    /** Invalid key, signature or permissions. */
    private static final Set<Integer> AUTH = Set.of(-1002, -1022, -2008, -2014, -2015);
    /** Unknown error, disconnected, timeout, unexpected response, server busy. */
    private static final Set<Integer> UNAVAILABLE = Set.of(-1000, -1001, -1006, -1007, -1008, -1016);
    /** "No need to change position side": the mode is already the one asked for. */
    static final int NO_NEED_TO_CHANGE_POSITION_SIDE = -4059;

    private BinanceErrors() {
    }

    static VenueException of(String connector, int httpStatus, int code, String msg, long retryAfterMillis) {
        String text = (code != 0 ? code + " " : "") + (msg == null ? "" : Json.abbreviate(msg, 300));
        if (httpStatus == 429 || httpStatus == 418 || code == -1003 || code == -1015) {
            return new VenueException.RateLimited(connector, text, retryAfterMillis);
        }
        if (AUTH.contains(code) || httpStatus == 401) {
            return new VenueException.AuthenticationFailed(connector, text);
        }
        if (code == -2013 || code == -1121 || (code == -2011 && msg != null && msg.contains("Unknown order"))) {
            return new VenueException.NotFound(connector, text);
        }
        if (UNAVAILABLE.contains(code) || httpStatus >= 500) {
            return new VenueException.Unavailable(connector, text, null);
        }
        if (code != 0 || httpStatus >= 400) {
            return new VenueException.Rejected(connector, text);
        }
        return new VenueException.Unexpected(connector, text, null);
    }

    static VenueException map(String connector, Throwable t) {
        if (t instanceof BinanceException b) {
            String msg = b.getMessage();
            // rescu appends " (HTTP status code: N)" to the message; keep the venue's words only
            int cut = msg == null ? -1 : msg.lastIndexOf(" (HTTP status code");
            if (cut > 0) {
                msg = msg.substring(0, cut);
            }
            return of(connector, b.getHttpStatusCode(), b.getCode(), msg, XChangeErrors.retryAfter(b));
        }
        if (t.getCause() instanceof BinanceException b && !(t instanceof VenueException)) {
            return map(connector, b);
        }
        return XChangeErrors.map(connector, t);
    }
}
