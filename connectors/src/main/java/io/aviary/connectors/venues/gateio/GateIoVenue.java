package io.aviary.connectors.venues.gateio;

import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.support.Credentials;
import io.aviary.connectors.venues.support.RestClient;
import java.util.Map;

/** Builds the {@code gate_io} connector (native v4 REST, polled streams). */
public final class GateIoVenue {

    public static final String NAME = "gate_io";
    public static final String URL = "https://api.gateio.ws";

    private final VenueSettings settings;
    private final RestClient http;
    private volatile GateIoMarketData marketData;

    public GateIoVenue(VenueSettings settings) {
        this.settings = settings;
        this.http = new RestClient(NAME, settings.baseUrl(NAME, URL), settings.requestTimeout());
    }

    public synchronized MarketDataConnector marketData() {
        if (marketData == null) {
            marketData = new GateIoMarketData(NAME, new GateIoApi(NAME, http, null), settings.pollInterval());
        }
        return marketData;
    }

    public TradingConnector trading(Map<String, String> c) {
        marketData();
        return new GateIoTrading(NAME, new GateIoApi(NAME, http, new ApiKey(Credentials.required(NAME, c, "gate_io_api_key"),
                Credentials.required(NAME, c, "gate_io_secret_key"))), marketData, settings.pollInterval());
    }
}
