package io.aviary.connectors.venues;

import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Knobs of the real-venue adapters.
 *
 * @param baseUrls        REST base-URL overrides by connector name (tests point them at a stub); absent = the venue's
 *                        production URL. {@code "<connector>.ws"} overrides the websocket base of the Binance streams
 * @param requestTimeout  connect/read timeout of every venue call
 * @param pollInterval    period of the polled streams (books, trades and user streams where no websocket is used)
 * @param streaming       use websocket streams where implemented (binance, binance_perpetual); false = poll everywhere
 * @param policies        resilience policy overrides by connector name; absent = the venue's default from {@link VenueConnectors}
 */
public record VenueSettings(Map<String, URI> baseUrls, Duration requestTimeout, Duration pollInterval, boolean streaming,
        Map<String, ResiliencePolicy> policies) {

    public VenueSettings {
        baseUrls = Map.copyOf(baseUrls);
        policies = Map.copyOf(policies);
    }

    public static VenueSettings defaults() {
        return new VenueSettings(Map.of(), Duration.ofSeconds(10), Duration.ofSeconds(2), true, Map.of());
    }

    public URI baseUrl(String connector, String productionUrl) {
        return baseUrls.getOrDefault(connector, URI.create(productionUrl));
    }

    public VenueSettings withBaseUrl(String connector, URI url) {
        Map<String, URI> m = new HashMap<>(baseUrls);
        m.put(connector, url);
        return new VenueSettings(m, requestTimeout, pollInterval, streaming, policies);
    }

    public VenueSettings withPolicy(String connector, ResiliencePolicy policy) {
        Map<String, ResiliencePolicy> m = new HashMap<>(policies);
        m.put(connector, policy);
        return new VenueSettings(baseUrls, requestTimeout, pollInterval, streaming, m);
    }

    public VenueSettings withTimeouts(Duration request, Duration poll) {
        return new VenueSettings(baseUrls, request, poll, streaming, policies);
    }

    public VenueSettings withStreaming(boolean on) {
        return new VenueSettings(baseUrls, requestTimeout, pollInterval, on, policies);
    }
}
