package io.aviary.connectors.venues.gateio;

import static io.aviary.connectors.venues.support.ErrorRules.Kind.AUTHENTICATION;
import static io.aviary.connectors.venues.support.ErrorRules.Kind.NOT_FOUND;
import static io.aviary.connectors.venues.support.ErrorRules.Kind.RATE_LIMITED;
import static io.aviary.connectors.venues.support.ErrorRules.Kind.UNAVAILABLE;

import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.ErrorRules;
import io.aviary.connectors.venues.support.HttpResult;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.SignedRestApi;
import io.aviary.connectors.venues.support.Signing;
import io.aviary.connectors.venues.support.VenueContext;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Gate.io API v4 ({@code /api/v4}), native: XChange 5.2.4's {@code xchange-gateio} speaks the retired v2
 * API and {@code xchange-gateio-v4} is not published at 5.2.4. Signing: {@code SIGN = hex(HMAC-SHA512(secret,
 * METHOD\n/api/v4/path\nquery\nhex(SHA512(body))\ntimestamp))} with {@code KEY} and {@code Timestamp} (seconds).
 * Failures are {@code {"label":…,"message":…}} with an honest HTTP status.
 */
final class GateIoApi extends SignedRestApi {

    static final String PREFIX = "/api/v4";
    private static final ErrorRules ERRORS = ErrorRules.of()
            .statuses(RATE_LIMITED, 429).codes(RATE_LIMITED, Set.of("TOO_MANY_REQUESTS"))
            .codes(AUTHENTICATION, Set.of("INVALID_KEY", "INVALID_SIGNATURE", "MISSING_REQUIRED_HEADER",
                    "REQUEST_EXPIRED", "FORBIDDEN", "IP_FORBIDDEN", "READ_ONLY", "INVALID_CREDENTIALS", "ACCOUNT_LOCKED"))
            .statuses(AUTHENTICATION, 401)
            .codes(NOT_FOUND, Set.of("ORDER_NOT_FOUND", "INVALID_CURRENCY_PAIR", "INVALID_CURRENCY",
                    "CURRENCY_PAIR_NOT_FOUND", "NOT_FOUND")).statuses(NOT_FOUND, 404)
            .statusesFrom(UNAVAILABLE, 500).codes(UNAVAILABLE, Set.of("SERVER_ERROR"));


    GateIoApi(VenueContext venue, ApiKey key) {
        super(venue, key);
    }

    @Override
    protected Call publicCall(String path, Query query) {
        return new Call(PREFIX + path + query.suffix(), Map.of("Accept", "application/json"), null);
    }

    @Override
    protected Call sign(String method, String path, Query query, String jsonBody) {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String toSign = method + "\n" + PREFIX + path + "\n" + query.encoded() + "\n"
                + Signing.sha512Hex(jsonBody == null ? "" : jsonBody) + "\n" + ts;
        return jsonCall(PREFIX + path + query.suffix(), jsonBody, "KEY", key.key(), "Timestamp", ts,
                "SIGN", Signing.hmacSha512Hex(key.secret(), toSign), "Accept", "application/json");
    }

    @Override
    protected JsonNode unwrap(HttpResult r, JsonNode body) {
        if (r.ok()) {
            return body;
        }
        ErrorRules.Failure failure = new ErrorRules.Failure(r, Json.str(body, "label"), Json.str(body, "message"));
        throw ERRORS.toException(connector, failure, ErrorRules.text(failure.code(), failure.message()));
    }
}
