package io.aviary.connectors.venues.kraken;

import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.support.Credentials;
import io.aviary.connectors.venues.support.RestClient;
import java.util.Map;

/** Builds the {@code kraken} connector (native REST, polled streams). */
public final class KrakenVenue {

    public static final String NAME = "kraken";
    public static final String URL = "https://api.kraken.com";

    private final VenueSettings settings;
    private final RestClient http;
    private volatile KrakenMarketData marketData;

    public KrakenVenue(VenueSettings settings) {
        this.settings = settings;
        this.http = new RestClient(NAME, settings.baseUrl(NAME, URL), settings.requestTimeout());
    }

    public synchronized MarketDataConnector marketData() {
        if (marketData == null) {
            marketData = new KrakenMarketData(NAME, new KrakenApi(NAME, http, null), settings.pollInterval());
        }
        return marketData;
    }

    /** {@code kraken_api_tier} (Starter/Intermediate/Pro) is accepted for Hummingbot compatibility; limits are client-side. */
    public TradingConnector trading(Map<String, String> c) {
        marketData();
        return new KrakenTrading(NAME, new KrakenApi(NAME, http, new ApiKey(Credentials.required(NAME, c, "kraken_api_key"),
                Credentials.required(NAME, c, "kraken_secret_key"))), marketData, settings.pollInterval());
    }
}
