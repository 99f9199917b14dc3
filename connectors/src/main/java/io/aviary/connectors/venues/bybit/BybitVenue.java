package io.aviary.connectors.venues.bybit;

import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.support.Credentials;
import io.aviary.connectors.venues.support.RestClient;
import java.util.Map;

/** Builds the {@code bybit} spot connector (native v5 REST, polled streams). */
public final class BybitVenue {

    public static final String NAME = "bybit";
    public static final String URL = "https://api.bybit.com";

    private final VenueSettings settings;
    private final RestClient http;
    private volatile BybitMarketData marketData;

    public BybitVenue(VenueSettings settings) {
        this.settings = settings;
        this.http = new RestClient(NAME, settings.baseUrl(NAME, URL), settings.requestTimeout());
    }

    public synchronized MarketDataConnector marketData() {
        if (marketData == null) {
            marketData = new BybitMarketData(NAME, new BybitApi(NAME, http, null), settings.pollInterval());
        }
        return marketData;
    }

    public TradingConnector trading(Map<String, String> c) {
        marketData();
        return new BybitTrading(NAME, new BybitApi(NAME, http, new ApiKey(Credentials.required(NAME, c, "bybit_api_key"),
                Credentials.required(NAME, c, "bybit_api_secret"))), marketData, settings.pollInterval());
    }
}
