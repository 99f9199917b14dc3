package io.aviary.connectors.venues.bybit;

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
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Bybit v5 REST, native (XChange 5.2.4 has no Bybit module on the registry; 5.2.1's predates the
 * unified account). Signing: {@code X-BAPI-SIGN = hex(HMAC-SHA256(secret, timestamp + apiKey + recvWindow +
 * (queryString | jsonBody)))} with {@code X-BAPI-API-KEY}, {@code X-BAPI-TIMESTAMP}, {@code X-BAPI-RECV-WINDOW}.
 * Answers are {@code {"retCode":0,"retMsg":"OK","result":…}}.
 */
final class BybitApi extends SignedRestApi {

    static final String RECV_WINDOW = "5000";
    private static final ErrorRules ERRORS = ErrorRules.of()
            .statuses(RATE_LIMITED, 429).when(RATE_LIMITED, f -> f.status() == 403 && f.code() == null)
            .codes(RATE_LIMITED, Set.of("10006", "10018", "170005"))
            .codes(AUTHENTICATION, Set.of("10003", "10004", "10005", "10007", "10009", "10010", "33004"))
            .statuses(AUTHENTICATION, 401)
            .codes(NOT_FOUND, Set.of("110001", "170213", "170121")).messageContainsAnyCase(NOT_FOUND, "not exist", "not found")
            .codes(UNAVAILABLE, Set.of("10000", "10016", "170007")).statusesFrom(UNAVAILABLE, 500);


    BybitApi(VenueContext venue, ApiKey key) {
        super(venue, key);
    }

    @Override
    protected Call sign(String method, String path, Query query, String jsonBody) {
        String payload = jsonBody == null ? query.encoded() : jsonBody;
        String ts = Long.toString(System.currentTimeMillis());
        return jsonCall(path + query.suffix(), jsonBody, "X-BAPI-API-KEY", key.key(), "X-BAPI-TIMESTAMP", ts,
                "X-BAPI-RECV-WINDOW", RECV_WINDOW,
                "X-BAPI-SIGN", Signing.hmacSha256Hex(key.secret(), ts + key.key() + RECV_WINDOW + payload));
    }

    @Override
    protected JsonNode unwrap(HttpResult r, JsonNode body) {
        long code = Json.lng(body, "retCode", -1);
        if (r.ok() && code == 0) {
            return body.get("result");
        }
        ErrorRules.Failure failure = new ErrorRules.Failure(r, code >= 0 ? Long.toString(code) : null,
                Json.str(body, "retMsg"));
        throw ERRORS.toException(connector, failure, ErrorRules.text(failure.code(), failure.message()));
    }
}
