package io.aviary.connectors.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every session of one sim connector shares: its name, the venue namespace it trades
 * ({@code spot} or {@code perp}), where the venue is, one HTTP client and one JSON mapper.
 */
record SimVenue(String connector, String namespace, URI baseUrl, HttpClient http, JsonMapper json) {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    static SimVenue of(String connector, boolean perpetual, URI baseUrl) {
        String base = baseUrl.toString().endsWith("/") ? baseUrl.toString().substring(0, baseUrl.toString().length() - 1)
                : baseUrl.toString();
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        return new SimVenue(connector, perpetual ? "perp" : "spot", URI.create(base), http, JsonMapper.builder().build());
    }

    boolean perpetual() {
        return namespace.equals("perp");
    }

    /** {@code /api/v1/<namespace><suffix>} */
    String path(String suffix) {
        return "/api/v1/" + namespace + suffix;
    }

    URI webSocketUri() {
        String http = baseUrl.toString();
        return URI.create((http.startsWith("https") ? "wss" + http.substring(5) : "ws" + http.substring(4)) + "/ws");
    }
}
