package io.aviary.connectors.venues.okx;

import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.support.Credentials;
import io.aviary.connectors.venues.support.RestClient;
import java.util.Map;

/** Builds the {@code okx} spot connector (native REST, polled streams). */
public final class OkxVenue {

    public static final String NAME = "okx";
    public static final String URL = "https://www.okx.com";

    private final VenueSettings settings;
    private final RestClient http;

    public OkxVenue(VenueSettings settings) {
        this.settings = settings;
        this.http = new RestClient(NAME, settings.baseUrl(NAME, URL), settings.requestTimeout());
    }

    public MarketDataConnector marketData() {
        return new OkxMarketData(NAME, new OkxApi(NAME, http, null), settings.pollInterval());
    }

    public TradingConnector trading(Map<String, String> c) {
        return new OkxTrading(NAME, new OkxApi(NAME, http, new ApiKey(Credentials.required(NAME, c, "okx_api_key"),
                Credentials.required(NAME, c, "okx_secret_key"), Credentials.required(NAME, c, "okx_passphrase"))),
                settings.pollInterval());
    }
}
