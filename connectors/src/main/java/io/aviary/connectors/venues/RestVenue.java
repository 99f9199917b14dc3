package io.aviary.connectors.venues;

import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.RestClient;
import java.net.URI;
import java.util.Map;

/**
 * One venue's connector maker, after XChange's exchange class that owns its defaults: the venue's
 * {@link VenueProfile}, the REST client to its (overridable) base URL, one shared public market-data
 * client, and sessions opened from a config-map. A venue supplies only how its two clients are made.
 *
 * @param <M> the venue's market-data client; sessions get it to resolve symbols and prices
 */
public abstract class RestVenue<M extends MarketDataConnector> {

    private final VenueProfile profile;
    protected final VenueSettings settings;
    protected final RestClient http;
    private M marketData;

    protected RestVenue(VenueProfile profile, VenueSettings settings) {
        this.profile = profile;
        this.settings = settings;
        this.http = new RestClient(profile.name(), baseUrl(), settings.requestTimeout());
    }

    public VenueProfile profile() {
        return profile;
    }

    public String name() {
        return profile.name();
    }

    /** The production URL unless the settings point the venue elsewhere (a stub in tests). */
    protected URI baseUrl() {
        return settings.baseUrl(profile.name(), profile.productionUrl());
    }

    public final synchronized M marketData() {
        if (marketData == null) {
            marketData = newMarketData();
        }
        return marketData;
    }

    public final TradingConnector trading(Map<String, String> credentials) {
        ApiKey key = profile.apiKey(credentials);
        return newTrading(key, marketData());
    }

    /** The raw connector factory (no resilience wrapper) of this venue. */
    public ConnectorFactory factory() {
        return new VenueFactory(profile.spec(), this::marketData, this::trading);
    }

    protected abstract M newMarketData();

    protected abstract TradingConnector newTrading(ApiKey key, M marketData);
}
