package io.aviary.connectors.venues.binance;

import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.HttpResult;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.RestClient;
import io.aviary.connectors.venues.support.Signing;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Native Binance REST for the calls XChange 5.2.4 lacks or maps lossily. SIGNED endpoints: the query
 * string (with {@code timestamp} and {@code recvWindow}) is signed with HMAC-SHA256 (hex) of the API
 * secret and appended as {@code signature}; the key goes in the {@code X-MBX-APIKEY} header.
 */
final class BinanceRest {

    static final long RECV_WINDOW = 5000;

    private final String connector;
    private final RestClient http;
    private final String apiKey;
    private final String secret;

    BinanceRest(String connector, RestClient http, String apiKey, String secret) {
        this.connector = connector;
        this.http = http;
        this.apiKey = apiKey;
        this.secret = secret;
    }

    JsonNode publicGet(String path, Query query) {
        return check(http.send("GET", path + query.suffix(), Map.of(), null));
    }

    JsonNode signed(String method, String path, Query query) {
        if (apiKey == null || secret == null) {
            throw new VenueException.AuthenticationFailed(connector, "no API key for a signed request");
        }
        query.add("recvWindow", RECV_WINDOW).add("timestamp", System.currentTimeMillis());
        String payload = query.encoded();
        String signature = Signing.hmacSha256Hex(secret, payload);
        return check(http.send(method, path + "?" + payload + "&signature=" + signature,
                Map.of("X-MBX-APIKEY", apiKey), null));
    }

    private JsonNode check(HttpResult r) {
        JsonNode body;
        try {
            body = r.json();
        } catch (IllegalStateException e) {
            if (r.ok()) {
                throw new VenueException.Unexpected(connector, "answer is not JSON", e);
            }
            throw BinanceErrors.of(connector, r.status(), 0, r.body(), r.retryAfterMillis());
        }
        if (!r.ok()) {
            throw BinanceErrors.of(connector, r.status(), (int) Json.lng(body, "code", 0), Json.str(body, "msg"),
                    r.retryAfterMillis());
        }
        return body;
    }
}
