package io.aviary.connectors.venues.binance;

import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.HttpResult;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.RestClient;
import io.aviary.connectors.venues.support.SignedRestApi;
import io.aviary.connectors.venues.support.Signing;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Native Binance REST for the calls XChange 5.2.4 lacks or maps lossily. SIGNED endpoints: the query
 * string (with {@code timestamp} and {@code recvWindow}) is signed with HMAC-SHA256 (hex) of the API
 * secret and appended as {@code signature}; the key goes in the {@code X-MBX-APIKEY} header. Failures are
 * classified by {@link BinanceErrors}, the table the XChange calls use too.
 */
final class BinanceRest extends SignedRestApi {

    static final long RECV_WINDOW = 5000;


    BinanceRest(String connector, RestClient http, ApiKey key) {
        super(connector, http, key);
    }

    JsonNode signed(String method, String path, Query query) {
        return signed(method, path, query, null);
    }

    @Override
    protected Call sign(String method, String path, Query query, String jsonBody) {
        if (key == null || key.key() == null || key.secret() == null) {
            throw new VenueException.AuthenticationFailed(connector, "no API key for a signed request");
        }
        query.add("recvWindow", RECV_WINDOW).add("timestamp", System.currentTimeMillis());
        String payload = query.encoded();
        String signature = Signing.hmacSha256Hex(key.secret(), payload);
        return new Call(path + "?" + payload + "&signature=" + signature, Map.of("X-MBX-APIKEY", key.key()), null);
    }

    @Override
    protected VenueException notJson(HttpResult r, IllegalStateException parseError) {
        return r.ok() ? new VenueException.Unexpected(connector, "answer is not JSON", parseError)
                : BinanceErrors.of(connector, r.status(), 0, r.body(), r.retryAfterMillis());
    }

    @Override
    protected JsonNode unwrap(HttpResult r, JsonNode body) {
        if (!r.ok()) {
            throw BinanceErrors.of(connector, r.status(), (int) Json.lng(body, "code", 0), Json.str(body, "msg"),
                    r.retryAfterMillis());
        }
        return body;
    }
}
