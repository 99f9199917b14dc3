package io.aviary.connectors.sim;

import io.aviary.connectors.port.VenueException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * HTTP to the venue, with the venue's signing recipe and its errors mapped to {@link VenueException}:
 * no connection or a timeout → Unavailable; 401 → AuthenticationFailed; 404 → NotFound;
 * 400 NOT_SUPPORTED → Unsupported; other 400 → Rejected with the venue's code and reason;
 * 429 → RateLimited; 502/503/504 → Unavailable; anything else → Unexpected.
 */
final class SimHttp {

    /** Signing credentials; never printed. */
    record Credentials(String apiKey, String apiSecret) {
        @Override
        public String toString() {
            return "Credentials[apiKey=" + apiKey + "]";
        }
    }

    private final SimVenue venue;

    SimHttp(SimVenue venue) {
        this.venue = venue;
    }

    static Map<String, String> query(Object... keyValues) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                q.put((String) keyValues[i], String.valueOf(keyValues[i + 1]));
            }
        }
        return q;
    }

    JsonNode get(String path, Map<String, String> query) {
        return send("GET", path, query, null, null);
    }

    JsonNode send(String method, String path, Map<String, String> query, Object body, Credentials credentials) {
        String q = encode(query);
        String json = body == null ? "" : venue.json().writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(venue.baseUrl() + path + q))
                .timeout(SimVenue.REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (credentials != null) {
            String timestamp = Long.toString(System.currentTimeMillis());
            request.header("X-SIM-APIKEY", credentials.apiKey())
                    .header("X-SIM-TIMESTAMP", timestamp)
                    .header("X-SIM-SIGNATURE", sign(credentials.apiSecret(), timestamp + method + path + q + json));
        }
        HttpResponse<String> response = exchange(request.build(), method + " " + path);
        return interpret(response, method + " " + path);
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        try {
            return venue.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VenueException.Unavailable(venue.connector(), "venue unreachable at " + venue.baseUrl() + " ("
                    + what + "): " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueException.Unavailable(venue.connector(), "interrupted during " + what, e);
        }
    }

    private JsonNode interpret(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        JsonNode body = parse(response.body(), what, status);
        if (status >= 200 && status < 300) {
            return body;
        }
        String code = body == null ? "" : body.path("code").asString("");
        String reason = body == null ? "HTTP " + status : code + ": " + body.path("message").asString("");
        String c = venue.connector();
        throw switch (status) {
            case 401 -> new VenueException.AuthenticationFailed(c, reason);
            case 404 -> new VenueException.NotFound(c, reason);
            case 400 -> code.equals("NOT_SUPPORTED") ? new VenueException.Unsupported(c, reason)
                    : new VenueException.Rejected(c, reason);
            case 429 -> new VenueException.RateLimited(c, reason, retryAfter(response));
            case 502, 503, 504 -> new VenueException.Unavailable(c, what + " answered " + status + " " + reason, null);
            default -> new VenueException.Unexpected(c, what + " answered " + status + " " + reason, null);
        };
    }

    private JsonNode parse(String text, String what, int status) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return venue.json().readTree(text);
        } catch (JacksonException e) {
            throw new VenueException.Unexpected(venue.connector(), what + " answered " + status + " with a body that is "
                    + "not JSON", e);
        }
    }

    private static long retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(s -> {
            try {
                return Long.parseLong(s.trim()) * 1000;
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }

    private static String encode(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    /** hex(HMAC-SHA256(secret, payload)) — the venue's signature. */
    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
