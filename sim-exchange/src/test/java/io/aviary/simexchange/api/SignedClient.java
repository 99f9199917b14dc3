package io.aviary.simexchange.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A minimal client of the venue's REST API that signs like the documentation says. */
final class SignedClient {

    record Response(int status, JsonNode body) {
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    SignedClient(int port) {
        this.base = "http://localhost:" + port;
    }

    Response publicCall(String method, String pathAndQuery, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)), method, body);
    }

    Response signed(String method, String path, String query, String body, String key, String secret, long timestamp) {
        String q = query == null || query.isEmpty() ? "" : "?" + query;
        String b = body == null ? "" : body;
        String signature = sign(secret, timestamp + method + path + q + b);
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path + q))
                .header("X-SIM-APIKEY", key).header("X-SIM-TIMESTAMP", Long.toString(timestamp))
                .header("X-SIM-SIGNATURE", signature);
        return send(r, method, body);
    }

    Response signed(String method, String path, String query, String body, String key, String secret) {
        return signed(method, path, query, body, key, secret, System.currentTimeMillis());
    }

    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder r, String method, String body) {
        r.header("Content-Type", "application/json");
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> resp = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(resp.statusCode(), resp.body().isEmpty() ? null : JSON.readTree(resp.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
