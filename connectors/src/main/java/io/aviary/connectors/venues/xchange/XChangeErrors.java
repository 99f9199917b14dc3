package io.aviary.connectors.venues.xchange;

import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.knowm.xchange.exceptions.CurrencyPairNotValidException;
import org.knowm.xchange.exceptions.ExchangeException;
import org.knowm.xchange.exceptions.ExchangeSecurityException;
import org.knowm.xchange.exceptions.ExchangeUnavailableException;
import org.knowm.xchange.exceptions.FrequencyLimitExceededException;
import org.knowm.xchange.exceptions.FundsExceededException;
import org.knowm.xchange.exceptions.InstrumentNotValidException;
import org.knowm.xchange.exceptions.InternalServerException;
import org.knowm.xchange.exceptions.MarketSuspendedException;
import org.knowm.xchange.exceptions.NonceException;
import org.knowm.xchange.exceptions.NotAvailableFromExchangeException;
import org.knowm.xchange.exceptions.NotYetImplementedForExchangeException;
import org.knowm.xchange.exceptions.OperationTimeoutException;
import org.knowm.xchange.exceptions.OrderNotValidException;
import org.knowm.xchange.exceptions.RateLimitExceededException;
import org.knowm.xchange.exceptions.SystemOverloadException;
import si.mazi.rescu.HttpResponseAware;
import si.mazi.rescu.HttpStatusException;
import si.mazi.rescu.HttpStatusIOException;

/**
 * XChange and rescu failures as the port's {@link VenueException} kinds. Messages carry the venue's words
 * (its error text or HTTP body), never request parameters or headers, so no key or signature leaks.
 */
public final class XChangeErrors {

    private XChangeErrors() {
    }

    public static VenueException map(String connector, Throwable t) {
        if (t instanceof VenueException v) {
            return v;
        }
        String msg = Json.abbreviate(t.getMessage(), 300);
        return switch (t) {
            case RateLimitExceededException e -> new VenueException.RateLimited(connector, msg, retryAfter(t));
            case FrequencyLimitExceededException e -> new VenueException.RateLimited(connector, msg, retryAfter(t));
            case ExchangeSecurityException e -> new VenueException.AuthenticationFailed(connector, msg);
            case NonceException e -> new VenueException.AuthenticationFailed(connector, msg);
            case OperationTimeoutException e -> new VenueException.Unavailable(connector, msg, t);
            case SystemOverloadException e -> new VenueException.Unavailable(connector, msg, t);
            case FundsExceededException e -> new VenueException.Rejected(connector, msg);
            case OrderNotValidException e -> new VenueException.Rejected(connector, msg);
            case CurrencyPairNotValidException e -> new VenueException.NotFound(connector, msg);
            case InstrumentNotValidException e -> new VenueException.NotFound(connector, msg);
            case MarketSuspendedException e -> new VenueException.Rejected(connector, msg);
            case ExchangeUnavailableException e -> new VenueException.Unavailable(connector, msg, t);
            case InternalServerException e -> new VenueException.Unavailable(connector, msg, t);
            case NotAvailableFromExchangeException e -> new VenueException.Unsupported(connector, msg);
            case NotYetImplementedForExchangeException e -> new VenueException.Unsupported(connector, msg);
            case HttpStatusIOException e -> byStatus(connector, e.getHttpStatusCode(), e.getHttpBody(), retryAfter(t));
            case SocketTimeoutException e -> new VenueException.Unavailable(connector, "timed out", t);
            case InterruptedIOException e -> new VenueException.Unavailable(connector, "timed out", t);
            case ConnectException e -> new VenueException.Unavailable(connector, "cannot connect", t);
            case UnknownHostException e -> new VenueException.Unavailable(connector, "unknown host", t);
            case IOException e -> new VenueException.Unavailable(connector, "I/O failure: " + t.getClass().getSimpleName(), t);
            case HttpStatusException e -> byStatus(connector, e.getHttpStatusCode(), msg, retryAfter(t));
            case ExchangeException e -> e.getCause() != null && e.getCause() != e
                    ? map(connector, e.getCause())
                    : new VenueException.Unexpected(connector, msg, t);
            default -> new VenueException.Unexpected(connector,
                    t.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg), t);
        };
    }

    /** Classification by HTTP status when nothing more specific is known. */
    public static VenueException byStatus(String connector, int status, String body, long retryAfterMillis) {
        String message = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + Json.abbreviate(body, 300));
        if (status == 429 || status == 418) {
            return new VenueException.RateLimited(connector, message, retryAfterMillis);
        }
        if (status == 401 || status == 403) {
            return new VenueException.AuthenticationFailed(connector, message);
        }
        if (status == 404) {
            return new VenueException.NotFound(connector, message);
        }
        if (status >= 500 || status == 0) {
            return new VenueException.Unavailable(connector, message, null);
        }
        if (status >= 400) {
            return new VenueException.Rejected(connector, message);
        }
        return new VenueException.Unexpected(connector, message, null);
    }

    /** The Retry-After header of a rescu exception (seconds on the wire) in ms, 0 when absent. */
    public static long retryAfter(Throwable t) {
        Throwable cur = t;
        while (cur != null) {
            if (cur instanceof HttpResponseAware aware && aware.getResponseHeaders() != null) {
                for (Map.Entry<String, List<String>> h : aware.getResponseHeaders().entrySet()) {
                    if (h.getKey() != null && h.getKey().equalsIgnoreCase("Retry-After") && !h.getValue().isEmpty()) {
                        try {
                            return (long) (Double.parseDouble(h.getValue().get(0).trim()) * 1000);
                        } catch (NumberFormatException ignored) {
                            return 0;
                        }
                    }
                }
            }
            cur = cur.getCause() == cur ? null : cur.getCause();
        }
        return 0;
    }
}
