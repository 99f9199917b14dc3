package io.aviary.connectors.venues.okx;

import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.HttpResult;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.RestClient;
import io.aviary.connectors.venues.support.Signing;
import io.aviary.connectors.venues.support.VenueErrors;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * OKX v5 REST, native (no XChange 5.2.4 OKX module is published). Signing:
 * {@code OK-ACCESS-SIGN = base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath?query + body))}
 * with {@code OK-ACCESS-KEY}, {@code OK-ACCESS-PASSPHRASE} and {@code OK-ACCESS-TIMESTAMP} (ISO-8601, ms, UTC).
 * Answers are {@code {"code":"0","msg":"","data":[…]}}; order calls report per-order {@code sCode}/{@code sMsg}.
 */
final class OkxApi {

    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> AUTH = Set.of("50100", "50101", "50102", "50103", "50104", "50105", "50106",
            "50107", "50110", "50111", "50112", "50113", "50114", "50119", "50120");
    private static final Set<String> RATE = Set.of("50011", "50061");
    private static final Set<String> NOT_FOUND = Set.of("51001", "51603", "51000:instId");
    private static final Set<String> UNAVAILABLE = Set.of("50001", "50004", "50013", "50026");

    private final String connector;
    private final RestClient http;
    private final String key;
    private final String secret;
    private final String passphrase;

    OkxApi(String connector, RestClient http, String key, String secret, String passphrase) {
        this.connector = connector;
        this.http = http;
        this.key = key;
        this.secret = secret;
        this.passphrase = passphrase;
    }

    JsonNode get(String path, Query query) {
        return check(http.send("GET", path + query.suffix(), Map.of(), null));
    }

    JsonNode signed(String method, String path, Query query, JsonNode body) {
        String requestPath = path + query.suffix();
        String payload = body == null ? "" : Json.write(body);
        String ts = TS.format(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("OK-ACCESS-KEY", key);
        headers.put("OK-ACCESS-SIGN", Signing.hmacSha256Base64(secret, ts + method + requestPath + payload));
        headers.put("OK-ACCESS-TIMESTAMP", ts);
        headers.put("OK-ACCESS-PASSPHRASE", passphrase);
        headers.put("Content-Type", "application/json");
        return check(http.send(method, requestPath, headers, body == null ? null : payload));
    }

    private JsonNode check(HttpResult r) {
        JsonNode body;
        try {
            body = r.json();
        } catch (IllegalStateException e) {
            throw r.ok() ? VenueErrors.unexpected(connector, e) : VenueErrors.fromHttp(connector, r, r.body());
        }
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
        throw error(r, code, msg);
    }

    VenueException error(HttpResult r, String code, String msg) {
        String text = (code == null ? "" : code + " ") + (msg == null ? "" : Json.abbreviate(msg, 300));
        if (r.status() == 429 || RATE.contains(code)) {
            return new VenueException.RateLimited(connector, text, r.retryAfterMillis());
        }
        if (AUTH.contains(code) || r.status() == 401) {
            return new VenueException.AuthenticationFailed(connector, text);
        }
        if (NOT_FOUND.contains(code) || r.status() == 404) {
            return new VenueException.NotFound(connector, text);
        }
        if (UNAVAILABLE.contains(code) || r.status() >= 500) {
            return new VenueException.Unavailable(connector, text, null);
        }
        return new VenueException.Rejected(connector, text);
    }
}
