package io.aviary.connectors.venues.coinbase;

import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.HttpResult;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.RestClient;
import io.aviary.connectors.venues.support.VenueErrors;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Coinbase Advanced Trade REST ({@code /api/v3/brokerage}), native: XChange 5.2.4 publishes no Coinbase
 * module, and the 5.2.1 one predates Advanced Trade's JWT authentication. Every private request carries
 * {@code Authorization: Bearer <ES256 JWT>} whose {@code uri} claim is {@code "METHOD host/path"}.
 */
final class CoinbaseApi {

    private final String connector;
    private final RestClient http;
    private final CoinbaseJwt jwt;
    private final String host;

    CoinbaseApi(String connector, RestClient http, String keyName, String secret) {
        this.connector = connector;
        this.http = http;
        URI base = http.baseUrl();
        this.host = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
        if (keyName == null) {
            this.jwt = null;
        } else {
            try {
                this.jwt = new CoinbaseJwt(keyName, secret);
            } catch (GeneralSecurityException e) {
                throw new VenueException.AuthenticationFailed(connector,
                        "coinbase_advanced_trade_api_secret is not an EC (ES256) private key in PEM form");
            }
        }
    }

    JsonNode get(String path, Query query) {
        return check(http.send("GET", path + query.suffix(), Map.of(), null));
    }

    JsonNode signed(String method, String path, Query query, JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + jwt.token(method, host + path));
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return check(http.send(method, path + query.suffix(), headers, body == null ? null : Json.write(body)));
    }

    private JsonNode check(HttpResult r) {
        JsonNode body;
        try {
            body = r.json();
        } catch (IllegalStateException e) {
            throw r.ok() ? VenueErrors.unexpected(connector, e) : VenueErrors.fromHttp(connector, r, r.body());
        }
        if (r.ok()) {
            return body;
        }
        String error = Json.str(body, "error");
        String msg = Json.str(body, "message");
        String text = (error == null ? "" : error + " ") + (msg == null ? "" : msg);
        if ("UNAUTHENTICATED".equals(error) || "PERMISSION_DENIED".equals(error)) {
            throw new VenueException.AuthenticationFailed(connector, Json.abbreviate(text, 300));
        }
        if ("NOT_FOUND".equals(error)) {
            throw new VenueException.NotFound(connector, Json.abbreviate(text, 300));
        }
        throw VenueErrors.fromHttp(connector, r, text.isBlank() ? r.body() : text);
    }
}
