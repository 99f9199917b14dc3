package io.aviary.connectors.venues.gateio;

import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.HttpResult;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.RestClient;
import io.aviary.connectors.venues.support.Signing;
import io.aviary.connectors.venues.support.VenueErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Gate.io API v4 ({@code /api/v4}), native: XChange 5.2.4's {@code xchange-gateio} speaks the retired v2
 * API and {@code xchange-gateio-v4} is not published at 5.2.4. Signing: {@code SIGN = hex(HMAC-SHA512(secret,
 * METHOD\n/api/v4/path\nquery\nhex(SHA512(body))\ntimestamp))} with {@code KEY} and {@code Timestamp} (seconds).
 * Failures are {@code {"label":…,"message":…}} with an honest HTTP status.
 */
final class GateIoApi {

    static final String PREFIX = "/api/v4";
    private static final Set<String> AUTH = Set.of("INVALID_KEY", "INVALID_SIGNATURE", "MISSING_REQUIRED_HEADER",
            "REQUEST_EXPIRED", "FORBIDDEN", "IP_FORBIDDEN", "READ_ONLY", "INVALID_CREDENTIALS", "ACCOUNT_LOCKED");
    private static final Set<String> NOT_FOUND = Set.of("ORDER_NOT_FOUND", "INVALID_CURRENCY_PAIR",
            "INVALID_CURRENCY", "CURRENCY_PAIR_NOT_FOUND", "NOT_FOUND");

    private final String connector;
    private final RestClient http;
    private final String key;
    private final String secret;

    GateIoApi(String connector, RestClient http, String key, String secret) {
        this.connector = connector;
        this.http = http;
        this.key = key;
        this.secret = secret;
    }

    JsonNode get(String path, Query query) {
        return check(http.send("GET", PREFIX + path + query.suffix(), Map.of("Accept", "application/json"), null));
    }

    JsonNode signed(String method, String path, Query query, JsonNode body) {
        String payload = body == null ? "" : Json.write(body);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String toSign = method + "\n" + PREFIX + path + "\n" + query.encoded() + "\n" + Signing.sha512Hex(payload)
                + "\n" + ts;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("KEY", key);
        headers.put("Timestamp", ts);
        headers.put("SIGN", Signing.hmacSha512Hex(secret, toSign));
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return check(http.send(method, PREFIX + path + query.suffix(), headers, body == null ? null : payload));
    }

    private JsonNode check(HttpResult r) {
        JsonNode body;
        try {
            body = r.json();
        } catch (IllegalStateException e) {
            throw r.ok() ? VenueErrors.unexpected(connector, e) : VenueErrors.fromHttp(connector, r, r.body());
        }
        if (r.ok()) {
            return body;
        }
        String label = Json.str(body, "label");
        String msg = Json.str(body, "message");
        String text = (label == null ? "" : label + " ") + (msg == null ? "" : Json.abbreviate(msg, 300));
        if (r.status() == 429 || "TOO_MANY_REQUESTS".equals(label)) {
            throw new VenueException.RateLimited(connector, text, r.retryAfterMillis());
        }
        if (AUTH.contains(label) || r.status() == 401) {
            throw new VenueException.AuthenticationFailed(connector, text);
        }
        if (NOT_FOUND.contains(label) || r.status() == 404) {
            throw new VenueException.NotFound(connector, text);
        }
        if (r.status() >= 500 || "SERVER_ERROR".equals(label)) {
            throw new VenueException.Unavailable(connector, text, null);
        }
        throw new VenueException.Rejected(connector, text);
    }
}
