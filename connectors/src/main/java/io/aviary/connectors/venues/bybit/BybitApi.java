package io.aviary.connectors.venues.bybit;

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
 * Bybit v5 REST, native (XChange 5.2.4 has no Bybit module on the registry; 5.2.1's predates the
 * unified account). Signing: {@code X-BAPI-SIGN = hex(HMAC-SHA256(secret, timestamp + apiKey + recvWindow +
 * (queryString | jsonBody)))} with {@code X-BAPI-API-KEY}, {@code X-BAPI-TIMESTAMP}, {@code X-BAPI-RECV-WINDOW}.
 * Answers are {@code {"retCode":0,"retMsg":"OK","result":…}}.
 */
final class BybitApi {

    static final String RECV_WINDOW = "5000";
    private static final Set<Long> AUTH = Set.of(10003L, 10004L, 10005L, 10007L, 10009L, 10010L, 33004L);
    private static final Set<Long> RATE = Set.of(10006L, 10018L, 170005L);
    private static final Set<Long> NOT_FOUND = Set.of(110001L, 170213L, 170121L);
    private static final Set<Long> UNAVAILABLE = Set.of(10000L, 10016L, 170007L);

    private final String connector;
    private final RestClient http;
    private final String key;
    private final String secret;

    BybitApi(String connector, RestClient http, String key, String secret) {
        this.connector = connector;
        this.http = http;
        this.key = key;
        this.secret = secret;
    }

    JsonNode get(String path, Query query) {
        return check(http.send("GET", path + query.suffix(), Map.of(), null));
    }

    JsonNode signed(String method, String path, Query query, JsonNode body) {
        String payload = body == null ? query.encoded() : Json.write(body);
        String ts = Long.toString(System.currentTimeMillis());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-BAPI-API-KEY", key);
        headers.put("X-BAPI-TIMESTAMP", ts);
        headers.put("X-BAPI-RECV-WINDOW", RECV_WINDOW);
        headers.put("X-BAPI-SIGN", Signing.hmacSha256Hex(secret, ts + key + RECV_WINDOW + payload));
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return check(http.send(method, path + query.suffix(), headers, body == null ? null : payload));
    }

    private JsonNode check(HttpResult r) {
        JsonNode body;
        try {
            body = r.json();
        } catch (IllegalStateException e) {
            throw r.ok() ? VenueErrors.unexpected(connector, e) : VenueErrors.fromHttp(connector, r, r.body());
        }
        long code = Json.lng(body, "retCode", -1);
        if (r.ok() && code == 0) {
            return body.get("result");
        }
        String msg = Json.str(body, "retMsg");
        String text = (code >= 0 ? code + " " : "") + (msg == null ? "" : Json.abbreviate(msg, 300));
        if (r.status() == 429 || r.status() == 403 && code < 0 || RATE.contains(code)) {
            throw new VenueException.RateLimited(connector, text, r.retryAfterMillis());
        }
        if (AUTH.contains(code) || r.status() == 401) {
            throw new VenueException.AuthenticationFailed(connector, text);
        }
        String m = msg == null ? "" : msg.toLowerCase(java.util.Locale.ROOT);
        if (NOT_FOUND.contains(code) || m.contains("not exist") || m.contains("not found")) {
            throw new VenueException.NotFound(connector, text);
        }
        if (UNAVAILABLE.contains(code) || r.status() >= 500) {
            throw new VenueException.Unavailable(connector, text, null);
        }
        throw new VenueException.Rejected(connector, text);
    }
}
