package io.aviary.connectors.sim;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sim} (spot) and {@code sim_perpetual} connectors: Aviary's simulated exchange, a
 * separate process reached over HTTP and WebSocket like any real venue (the platform passes its
 * URL from {@code AVIARY_SIM_EXCHANGE_URL}, default {@value #DEFAULT_URL}). Credentials are
 * {@code <name>_api_key} and {@code <name>_api_secret}, as created by the venue's
 * {@code POST /api/v1/api-keys} (see {@link SimApiKeys}).
 */
public final class SimConnectorFactory implements ConnectorFactory {

    public static final String SPOT = "sim";
    public static final String PERPETUAL = "sim_perpetual";
    public static final String DEFAULT_URL = "http://localhost:8200";
    /** The most fills the venue answers per request. */
    public static final int MAX_FILL_PAGE = 1000;

    private final ConnectorSpec spec;
    private final SimVenue venue;
    private final SimHttp http;
    private final SimMarketData marketData;
    private final int fillPageSize;

    private SimConnectorFactory(String name, boolean perpetual, URI baseUrl, int fillPageSize) {
        if (fillPageSize < 1 || fillPageSize > MAX_FILL_PAGE) {
            throw new IllegalArgumentException("the sim fill page size must be 1.." + MAX_FILL_PAGE + ", not " + fillPageSize);
        }
        this.fillPageSize = fillPageSize;
        this.spec = ConnectorSpec.apiKeyAndSecret(name, Set.of(OrderType.LIMIT, OrderType.MARKET, OrderType.LIMIT_MAKER),
                perpetual);
        this.venue = SimVenue.of(name, perpetual, baseUrl);
        this.http = new SimHttp(venue);
        this.marketData = new SimMarketData(venue, http);
    }

    public static SimConnectorFactory spot(URI baseUrl) {
        return new SimConnectorFactory(SPOT, false, baseUrl, MAX_FILL_PAGE);
    }

    public static SimConnectorFactory perpetual(URI baseUrl) {
        return new SimConnectorFactory(PERPETUAL, true, baseUrl, MAX_FILL_PAGE);
    }

    /** Both connectors on one venue. */
    public static List<SimConnectorFactory> both(URI baseUrl) {
        return both(baseUrl, MAX_FILL_PAGE);
    }

    /**
     * Both connectors on one venue, reading fill history {@code fillPageSize} fills per request
     * (the venue's maximum, {@value #MAX_FILL_PAGE}, unless a test wants many pages from few fills).
     */
    public static List<SimConnectorFactory> both(URI baseUrl, int fillPageSize) {
        return List.of(new SimConnectorFactory(SPOT, false, baseUrl, fillPageSize),
                new SimConnectorFactory(PERPETUAL, true, baseUrl, fillPageSize));
    }

    @Override
    public ConnectorSpec spec() {
        return spec;
    }

    @Override
    public MarketDataConnector marketData() {
        return marketData;
    }

    /** @throws VenueException.AuthenticationFailed when a credential field is missing */
    @Override
    public TradingConnector trading(Map<String, String> credentials) {
        String key = credentials.get(spec.configFields().get(0));
        String secret = credentials.get(spec.configFields().get(1));
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            throw new VenueException.AuthenticationFailed(spec.name(),
                    "credentials need " + spec.configFields().get(0) + " and " + spec.configFields().get(1));
        }
        return new SimTrading(venue, http, new SimHttp.Credentials(key.trim(), secret.trim()), fillPageSize);
    }

    /** The package-private market data for tests (gap injection). */
    SimMarketData simMarketData() {
        return marketData;
    }
}
