package io.aviary.connectors.sim;

import io.aviary.connectors.port.VenueException;
import java.net.URI;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The venue's "create API key" page as a call: each key gets a fresh spot and perpetual account
 * with the venue's starting balances. For provisioning (devstack, demos) and tests.
 */
public final class SimApiKeys {

    /** A new key; the secret is shown once and never printed. */
    public record Created(String apiKey, String apiSecret, long accountId) {
        @Override
        public String toString() {
            return "Created[apiKey=" + apiKey + ", accountId=" + accountId + "]";
        }

        /** The credential map of a connector ({@code sim} or {@code sim_perpetual}). */
        public Map<String, String> credentials(String connector) {
            return Map.of(connector + "_api_key", apiKey, connector + "_api_secret", apiSecret);
        }
    }

    private SimApiKeys() {
    }

    public static Created create(URI baseUrl, String label) {
        SimVenue venue = SimVenue.of("sim", false, baseUrl);
        JsonNode r = new SimHttp(venue).send("POST", "/api/v1/api-keys", null, Map.of("label", label == null ? "" : label),
                null);
        if (r == null || !r.has("api_key")) {
            throw new VenueException.Unexpected("sim", "the venue answered no API key", null);
        }
        return new Created(r.get("api_key").asString(), r.get("api_secret").asString(), r.path("account_id").asLong());
    }
}
