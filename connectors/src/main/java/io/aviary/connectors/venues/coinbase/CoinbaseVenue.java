package io.aviary.connectors.venues.coinbase;

import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.support.Credentials;
import io.aviary.connectors.venues.support.RestClient;
import java.util.Map;

/** Builds the {@code coinbase_advanced_trade} connector (native REST with CDP JWT auth, polled streams). */
public final class CoinbaseVenue {

    public static final String NAME = "coinbase_advanced_trade";
    public static final String URL = "https://api.coinbase.com";

    private final VenueSettings settings;
    private final RestClient http;

    public CoinbaseVenue(VenueSettings settings) {
        this.settings = settings;
        this.http = new RestClient(NAME, settings.baseUrl(NAME, URL), settings.requestTimeout());
    }

    public MarketDataConnector marketData() {
        return new CoinbaseMarketData(NAME, new CoinbaseApi(NAME, http, null), settings.pollInterval());
    }

    public TradingConnector trading(Map<String, String> c) {
        return new CoinbaseTrading(NAME, new CoinbaseApi(NAME, http, new ApiKey(
                Credentials.required(NAME, c, "coinbase_advanced_trade_api_key"),
                Credentials.required(NAME, c, "coinbase_advanced_trade_api_secret"))), settings.pollInterval());
    }
}
