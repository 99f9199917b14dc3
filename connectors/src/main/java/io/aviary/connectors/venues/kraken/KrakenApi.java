package io.aviary.connectors.venues.kraken;

import static io.aviary.connectors.venues.support.ErrorRules.Kind.AUTHENTICATION;
import static io.aviary.connectors.venues.support.ErrorRules.Kind.NOT_FOUND;
import static io.aviary.connectors.venues.support.ErrorRules.Kind.RATE_LIMITED;
import static io.aviary.connectors.venues.support.ErrorRules.Kind.UNAVAILABLE;

import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.ErrorRules;
import io.aviary.connectors.venues.support.HttpResult;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.SignedRestApi;
import io.aviary.connectors.venues.support.Signing;
import io.aviary.connectors.venues.support.VenueContext;
import io.aviary.connectors.venues.support.VenueErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
final class KrakenApi extends SignedRestApi {

    private static final AtomicLong LAST_NONCE = new AtomicLong();
    private static final ErrorRules ERRORS = ErrorRules.of()
            .messageContains(RATE_LIMITED, "Rate limit", "Too many requests").statuses(RATE_LIMITED, 429)
            .messageStartsWith(AUTHENTICATION, "EAPI:Invalid key", "EAPI:Invalid signature", "EAPI:Invalid nonce",
                    "EGeneral:Permission denied", "EAPI:Bad request")
            .messageStartsWith(NOT_FOUND, "EQuery:Unknown asset", "EOrder:Unknown order")
            .messageStartsWith(UNAVAILABLE, "EService:Unavailable", "EService:Busy", "EGeneral:Internal error",
                    "EService:Deadline elapsed");


    KrakenApi(VenueContext venue, ApiKey key) {
        super(venue, key);
    }

    /** A private method ({@code BalanceEx}, {@code AddOrder}, …) with its form parameters. */
    JsonNode post(String method, Query params) {
        return signed("POST", "/0/private/" + method, params, null);
    }

    @Override
    protected Call publicCall(String method, Query query) {
        return new Call("/0/public/" + method + query.suffix(), Map.of(), null);
    }

    @Override
    protected Call sign(String method, String path, Query params, String jsonBody) {
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
            secretBytes = Base64.getDecoder().decode(key.secret());
        } catch (IllegalArgumentException e) {
            throw new VenueException.AuthenticationFailed(connector, "the secret key is not valid base64");
        }
        String sign = Base64.getEncoder().encodeToString(Signing.hmac("HmacSHA512", secretBytes, message));
        return new Call(path, headers("API-Key", key.key(), "API-Sign", sign,
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), postData);
    }

    @Override
    protected JsonNode unwrap(HttpResult r, JsonNode body) {
        List<JsonNode> errors = Json.list(body.get("error"));
        if (r.ok() && errors.isEmpty()) {
            return body.get("result");
        }
        if (errors.isEmpty()) {
            throw VenueErrors.fromHttp(connector, r, r.body());
        }
        String text = Json.abbreviate(String.join("; ", errors.stream().map(Json::str).toList()), 300);
        throw ERRORS.toException(connector, new ErrorRules.Failure(r, null, Json.str(errors.get(0))), text);
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
