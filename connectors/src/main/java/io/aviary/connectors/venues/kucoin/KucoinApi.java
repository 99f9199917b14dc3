package io.aviary.connectors.venues.kucoin;

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
 * KuCoin REST ({@code api.kucoin.com}), native: XChange 5.2.4's KuCoin module signs with API-key version 1
 * (plain passphrase) and cannot address orders by {@code clientOid}. Signing (key version 2):
 * {@code KC-API-SIGN = base64(HMAC-SHA256(secret, timestamp + METHOD + path?query + body))},
 * {@code KC-API-PASSPHRASE = base64(HMAC-SHA256(secret, passphrase))}, plus {@code KC-API-KEY},
 * {@code KC-API-TIMESTAMP} (ms) and {@code KC-API-KEY-VERSION: 2}. Answers are {@code {"code":"200000","data":…}}.
 */
final class KucoinApi extends SignedRestApi {

    private static final ErrorRules ERRORS = ErrorRules.of()
            .statuses(RATE_LIMITED, 429).codes(RATE_LIMITED, Set.of("429000"))
            .codes(AUTHENTICATION, Set.of("400001", "400002", "400003", "400004", "400005", "400006", "400007",
                    "411100")).statuses(AUTHENTICATION, 401)
            .codes(NOT_FOUND, Set.of("400100:order_not_exist", "900001", "400600"))
            .messageContainsAnyCase(NOT_FOUND, "not exist", "not found").statuses(NOT_FOUND, 404)
            .statusesFrom(UNAVAILABLE, 500);


    KucoinApi(VenueContext venue, ApiKey key) {
        super(venue, key);
    }

    @Override
    protected Call sign(String method, String path, Query query, String jsonBody) {
        String endpoint = path + query.suffix();
        String ts = Long.toString(System.currentTimeMillis());
        String sign = Signing.hmacSha256Base64(key.secret(), ts + method + endpoint + (jsonBody == null ? "" : jsonBody));
        return jsonCall(endpoint, jsonBody, "KC-API-KEY", key.key(), "KC-API-SIGN", sign, "KC-API-TIMESTAMP", ts,
                "KC-API-PASSPHRASE", Signing.hmacSha256Base64(key.secret(), key.passphrase()), "KC-API-KEY-VERSION", "2");
    }

    @Override
    protected JsonNode unwrap(HttpResult r, JsonNode body) {
        String code = Json.str(body, "code");
        if (r.ok() && "200000".equals(code)) {
            return body.get("data");
        }
        ErrorRules.Failure failure = new ErrorRules.Failure(r, code, Json.str(body, "msg"));
        throw ERRORS.toException(connector, failure, ErrorRules.text(code, failure.message()));
    }
}
