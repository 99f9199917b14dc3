package io.aviary.connectors.venues.kraken;

import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.HttpResult;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.RestClient;
import io.aviary.connectors.venues.support.Signing;
import io.aviary.connectors.venues.support.VenueErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Kraken spot REST, native (no XChange 5.2.4 Kraken module on the registry). Private calls are form POSTs
 * to {@code /0/private/<Method>} with an increasing {@code nonce}; {@code API-Sign =
 * base64(HMAC-SHA512(base64decode(secret), path + SHA256(nonce + postdata)))}, key in {@code API-Key}.
 * Answers are {@code {"error":[…],"result":…}} with HTTP 200 even on failure.
 */
final class KrakenApi {

    private static final AtomicLong LAST_NONCE = new AtomicLong();

    private final String connector;
    private final RestClient http;
    private final String key;
    private final String secret;

    KrakenApi(String connector, RestClient http, String key, String secret) {
        this.connector = connector;
        this.http = http;
        this.key = key;
        this.secret = secret;
    }

    JsonNode get(String method, Query query) {
        return check(http.send("GET", "/0/public/" + method + query.suffix(), Map.of(), null));
    }

    JsonNode post(String method, Query params) {
        String path = "/0/private/" + method;
        long nonce = LAST_NONCE.updateAndGet(prev -> Math.max(prev + 1, System.currentTimeMillis() * 1000));
        Query form = Query.of().add("nonce", nonce);
        params.asMap().forEach(form::add);
        String postData = form.encoded();
        byte[] inner = Signing.sha256((nonce + postData).getBytes(StandardCharsets.UTF_8));
        byte[] pathBytes = path.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[pathBytes.length + inner.length];
        System.arraycopy(pathBytes, 0, message, 0, pathBytes.length);
        System.arraycopy(inner, 0, message, pathBytes.length, inner.length);
        byte[] secretBytes;
        try {
            secretBytes = Base64.getDecoder().decode(secret);
        } catch (IllegalArgumentException e) {
            throw new VenueException.AuthenticationFailed(connector, "the secret key is not valid base64");
        }
        String sign = Base64.getEncoder().encodeToString(Signing.hmac("HmacSHA512", secretBytes, message));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("API-Key", key);
        headers.put("API-Sign", sign);
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return check(http.send("POST", path, headers, postData));
    }

    private JsonNode check(HttpResult r) {
        JsonNode body;
        try {
            body = r.json();
        } catch (IllegalStateException e) {
            throw r.ok() ? VenueErrors.unexpected(connector, e) : VenueErrors.fromHttp(connector, r, r.body());
        }
        List<JsonNode> errors = Json.list(body.get("error"));
        if (r.ok() && errors.isEmpty()) {
            return body.get("result");
        }
        if (errors.isEmpty()) {
            throw VenueErrors.fromHttp(connector, r, r.body());
        }
        String e = Json.str(errors.get(0));
        String text = Json.abbreviate(String.join("; ", errors.stream().map(Json::str).toList()), 300);
        if (e.contains("Rate limit") || e.contains("Too many requests") || r.status() == 429) {
            throw new VenueException.RateLimited(connector, text, r.retryAfterMillis());
        }
        if (e.startsWith("EAPI:Invalid key") || e.startsWith("EAPI:Invalid signature")
                || e.startsWith("EAPI:Invalid nonce") || e.startsWith("EGeneral:Permission denied")
                || e.startsWith("EAPI:Bad request")) {
            throw new VenueException.AuthenticationFailed(connector, text);
        }
        if (e.startsWith("EQuery:Unknown asset") || e.startsWith("EOrder:Unknown order")) {
            throw new VenueException.NotFound(connector, text);
        }
        if (e.startsWith("EService:Unavailable") || e.startsWith("EService:Busy")
                || e.startsWith("EGeneral:Internal error") || e.startsWith("EService:Deadline elapsed")) {
            throw new VenueException.Unavailable(connector, text, null);
        }
        throw new VenueException.Rejected(connector, text);
    }

    /** Kraken asset codes to common ones: XXBT → BTC, ZUSD → USD, XDG → DOGE. */
    static String asset(String kraken) {
        String a = kraken.toUpperCase(java.util.Locale.ROOT);
        if (a.length() == 4 && (a.charAt(0) == 'X' || a.charAt(0) == 'Z')) {
            a = a.substring(1);
        }
        return switch (a) {
            case "XBT" -> "BTC";
            case "XDG" -> "DOGE";
            default -> a;
        };
    }
}
