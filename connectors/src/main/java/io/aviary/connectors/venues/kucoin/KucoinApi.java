package io.aviary.connectors.venues.kucoin;

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
 * KuCoin REST ({@code api.kucoin.com}), native: XChange 5.2.4's KuCoin module signs with API-key version 1
 * (plain passphrase) and cannot address orders by {@code clientOid}. Signing (key version 2):
 * {@code KC-API-SIGN = base64(HMAC-SHA256(secret, timestamp + METHOD + path?query + body))},
 * {@code KC-API-PASSPHRASE = base64(HMAC-SHA256(secret, passphrase))}, plus {@code KC-API-KEY},
 * {@code KC-API-TIMESTAMP} (ms) and {@code KC-API-KEY-VERSION: 2}. Answers are {@code {"code":"200000","data":…}}.
 */
final class KucoinApi {

    private static final Set<String> AUTH = Set.of("400001", "400002", "400003", "400004", "400005", "400006",
            "400007", "411100");
    private static final Set<String> NOT_FOUND = Set.of("400100:order_not_exist", "900001", "400600");

    private final String connector;
    private final RestClient http;
    private final String key;
    private final String secret;
    private final String passphrase;

    KucoinApi(String connector, RestClient http, String key, String secret, String passphrase) {
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
        String endpoint = path + query.suffix();
        String payload = body == null ? "" : Json.write(body);
        String ts = Long.toString(System.currentTimeMillis());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("KC-API-KEY", key);
        headers.put("KC-API-SIGN", Signing.hmacSha256Base64(secret, ts + method + endpoint + payload));
        headers.put("KC-API-TIMESTAMP", ts);
        headers.put("KC-API-PASSPHRASE", Signing.hmacSha256Base64(secret, passphrase));
        headers.put("KC-API-KEY-VERSION", "2");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return check(http.send(method, endpoint, headers, body == null ? null : payload));
    }

    private JsonNode check(HttpResult r) {
        JsonNode body;
        try {
            body = r.json();
        } catch (IllegalStateException e) {
            throw r.ok() ? VenueErrors.unexpected(connector, e) : VenueErrors.fromHttp(connector, r, r.body());
        }
        String code = Json.str(body, "code");
        if (r.ok() && "200000".equals(code)) {
            return body.get("data");
        }
        String msg = Json.str(body, "msg");
        String text = (code == null ? "" : code + " ") + (msg == null ? "" : Json.abbreviate(msg, 300));
        if (r.status() == 429 || "429000".equals(code)) {
            throw new VenueException.RateLimited(connector, text, r.retryAfterMillis());
        }
        if (AUTH.contains(code) || r.status() == 401) {
            throw new VenueException.AuthenticationFailed(connector, text);
        }
        String m = msg == null ? "" : msg.toLowerCase(java.util.Locale.ROOT);
        if (NOT_FOUND.contains(code) || m.contains("not exist") || m.contains("not found") || r.status() == 404) {
            throw new VenueException.NotFound(connector, text);
        }
        if (r.status() >= 500) {
            throw new VenueException.Unavailable(connector, text, null);
        }
        throw new VenueException.Rejected(connector, text);
    }
}
