package io.aviary.connectors.venues.kucoin;

import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.support.Credentials;
import io.aviary.connectors.venues.support.RestClient;
import java.util.Map;

/** Builds the {@code kucoin} connector (native REST, polled streams). */
public final class KucoinVenue {

    public static final String NAME = "kucoin";
    public static final String URL = "https://api.kucoin.com";

    private final VenueSettings settings;
    private final RestClient http;

    public KucoinVenue(VenueSettings settings) {
        this.settings = settings;
        this.http = new RestClient(NAME, settings.baseUrl(NAME, URL), settings.requestTimeout());
    }

    public MarketDataConnector marketData() {
        return new KucoinMarketData(NAME, new KucoinApi(NAME, http, null), settings.pollInterval());
    }

    public TradingConnector trading(Map<String, String> c) {
        KucoinApi api = new KucoinApi(NAME, http, new ApiKey(Credentials.required(NAME, c, "kucoin_api_key"),
                Credentials.required(NAME, c, "kucoin_secret_key"), Credentials.required(NAME, c, "kucoin_passphrase")));
        return new KucoinTrading(NAME, api, settings.pollInterval());
    }
}
