package io.aviary.connectors.venues.coinbase;

import static io.aviary.connectors.venues.support.ErrorRules.Kind.AUTHENTICATION;
import static io.aviary.connectors.venues.support.ErrorRules.Kind.NOT_FOUND;

import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.ErrorRules;
import io.aviary.connectors.venues.support.HttpResult;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.SignedRestApi;
import io.aviary.connectors.venues.support.VenueContext;
import io.aviary.connectors.venues.support.VenueErrors;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Coinbase Advanced Trade REST ({@code /api/v3/brokerage}), native: XChange 5.2.4 publishes no Coinbase
 * module, and the 5.2.1 one predates Advanced Trade's JWT authentication. Every private request carries
 * {@code Authorization: Bearer <ES256 JWT>} whose {@code uri} claim is {@code "METHOD host/path"}.
 * Failures the table does not name are classified by HTTP status.
 */
final class CoinbaseApi extends SignedRestApi {

    private static final ErrorRules ERRORS = ErrorRules.of()
            .codes(AUTHENTICATION, Set.of("UNAUTHENTICATED", "PERMISSION_DENIED"))
            .codes(NOT_FOUND, Set.of("NOT_FOUND"));

    private final CoinbaseJwt jwt;
    private final String host;

    CoinbaseApi(VenueContext venue, ApiKey key) {
        super(venue, key);
        URI base = http.baseUrl();
        this.host = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
        if (key == null) {
            this.jwt = null;
        } else {
            try {
                this.jwt = new CoinbaseJwt(key.key(), key.secret());
            } catch (GeneralSecurityException e) {
                throw new VenueException.AuthenticationFailed(connector,
                        "coinbase_advanced_trade_api_secret is not an EC (ES256) private key in PEM form");
            }
        }
    }

    @Override
    protected Call sign(String method, String path, Query query, String jsonBody) {
        return jsonCall(path + query.suffix(), jsonBody, "Authorization", "Bearer " + jwt.token(method, host + path));
    }

    @Override
    protected JsonNode unwrap(HttpResult r, JsonNode body) {
        if (r.ok()) {
            return body;
        }
        String error = Json.str(body, "error");
        String msg = Json.str(body, "message");
        String text = (error == null ? "" : error + " ") + (msg == null ? "" : msg);
        throw ERRORS.classify(connector, new ErrorRules.Failure(r, error, msg), Json.abbreviate(text, 300))
                .orElseGet(() -> VenueErrors.fromHttp(connector, r, text.isBlank() ? r.body() : text));
    }
}
