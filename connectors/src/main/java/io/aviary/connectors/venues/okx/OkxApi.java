package io.aviary.connectors.venues.okx;

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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * OKX v5 REST, native (no XChange 5.2.4 OKX module is published). Signing:
 * {@code OK-ACCESS-SIGN = base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath?query + body))}
 * with {@code OK-ACCESS-KEY}, {@code OK-ACCESS-PASSPHRASE} and {@code OK-ACCESS-TIMESTAMP} (ISO-8601, ms, UTC).
 * Answers are {@code {"code":"0","msg":"","data":[…]}}; order calls report per-order {@code sCode}/{@code sMsg}.
 */
final class OkxApi extends SignedRestApi {

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ErrorRules ERRORS = ErrorRules.of()
            .statuses(RATE_LIMITED, 429).codes(RATE_LIMITED, Set.of("50011", "50061"))
            .codes(AUTHENTICATION, Set.of("50100", "50101", "50102", "50103", "50104", "50105", "50106", "50107",
                    "50110", "50111", "50112", "50113", "50114", "50119", "50120")).statuses(AUTHENTICATION, 401)
            .codes(NOT_FOUND, Set.of("51001", "51603", "51000:instId")).statuses(NOT_FOUND, 404)
            .codes(UNAVAILABLE, Set.of("50001", "50004", "50013", "50026")).statusesFrom(UNAVAILABLE, 500);


    OkxApi(VenueContext venue, ApiKey key) {
        super(venue, key);
    }

    @Override
    protected Call sign(String method, String path, Query query, String jsonBody) {
        String requestPath = path + query.suffix();
        String ts = TS.format(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String sign = Signing.hmacSha256Base64(key.secret(), ts + method + requestPath + (jsonBody == null ? "" : jsonBody));
        // OKX wants the JSON content type on every signed call, bodiless GETs included
        return new Call(requestPath, headers("OK-ACCESS-KEY", key.key(), "OK-ACCESS-SIGN", sign, "OK-ACCESS-TIMESTAMP", ts,
                "OK-ACCESS-PASSPHRASE", key.passphrase(), "Content-Type", "application/json"), jsonBody);
    }

    @Override
    protected JsonNode unwrap(HttpResult r, JsonNode body) {
        String code = Json.str(body, "code");
        if (r.ok() && "0".equals(code)) {
            return body.get("data");
        }
        String msg = Json.str(body, "msg");
        // batch-style answers (code 1/2) carry the reason per item
        JsonNode first = body.path("data").path(0);
        if (Json.str(first, "sCode") != null && !"0".equals(Json.str(first, "sCode"))) {
            code = Json.str(first, "sCode");
            msg = Json.str(first, "sMsg");
        }
        throw ERRORS.toException(connector, new ErrorRules.Failure(r, code, msg), ErrorRules.text(code, msg));
    }
}
