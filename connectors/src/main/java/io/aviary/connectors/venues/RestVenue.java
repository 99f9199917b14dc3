package io.aviary.connectors.venues;

import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.RestClient;
import io.aviary.connectors.venues.support.VenueContext;
import java.util.Map;
import java.util.function.Function;

/**
 * One venue's connector maker, after XChange's exchange class that owns its defaults: the venue's
 * {@link VenueProfile}, one {@link VenueContext} (REST client to the overridable base URL, poll period,
 * intervals), one shared public market-data client, and sessions opened from a config-map. A venue
 * supplies only how its two clients are made.
 *
 * @param <M> the venue's market-data client; sessions get it to resolve symbols and prices
 */
public final class RestVenue<M extends MarketDataConnector> {

    /** Opens a session of the venue with a checked key. */
    @FunctionalInterface
    public interface Sessions<M> {
        TradingConnector open(VenueContext venue, ApiKey key, M marketData);
    }

    private final VenueProfile profile;
    private final VenueContext context;
    private final Function<VenueContext, M> marketDataMaker;
    private final Sessions<M> sessions;
    private M marketData;

    public RestVenue(VenueProfile profile, VenueSettings settings, Function<VenueContext, M> marketDataMaker,
            Sessions<M> sessions) {
        this.profile = profile;
        this.context = new VenueContext(profile.name(),
                new RestClient(profile.name(), profile.baseUrl(settings), settings.requestTimeout()),
                settings.pollInterval(), profile.intervals());
        this.marketDataMaker = marketDataMaker;
        this.sessions = sessions;
    }

    public VenueProfile profile() {
        return profile;
    }

    public synchronized M marketData() {
        if (marketData == null) {
            marketData = marketDataMaker.apply(context);
        }
        return marketData;
    }

    public TradingConnector trading(Map<String, String> credentials) {
        ApiKey key = profile.apiKey(credentials);
        return sessions.open(context, key, marketData());
    }

    /** The raw connector factory (no resilience wrapper) of this venue. */
    public ConnectorFactory factory() {
        return new VenueFactory(profile.spec(), this::marketData, this::trading);
    }
}
