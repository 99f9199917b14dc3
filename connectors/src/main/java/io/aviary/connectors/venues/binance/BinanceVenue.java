package io.aviary.connectors.venues.binance;

import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.support.Credentials;
import java.net.URI;
import java.util.Map;

/** Builds the {@code binance} and {@code binance_perpetual} connectors. */
public final class BinanceVenue {

    public static final String SPOT = "binance";
    public static final String PERPETUAL = "binance_perpetual";
    public static final String SPOT_URL = "https://api.binance.com";
    public static final String PERPETUAL_URL = "https://fapi.binance.com";

    private final String name;
    private final boolean perpetual;
    private final URI baseUrl;
    private final VenueSettings settings;
    private volatile BinanceMarketData marketData;

    public BinanceVenue(boolean perpetual, VenueSettings settings) {
        this.perpetual = perpetual;
        this.name = perpetual ? PERPETUAL : SPOT;
        this.baseUrl = settings.baseUrl(name, perpetual ? PERPETUAL_URL : SPOT_URL);
        this.settings = settings;
    }

    public String name() {
        return name;
    }

    public synchronized MarketDataConnector marketData() {
        if (marketData == null) {
            marketData = new BinanceMarketData(name, perpetual, baseUrl, settings);
        }
        return marketData;
    }

    public TradingConnector trading(Map<String, String> credentials) {
        String key = Credentials.required(name, credentials, name + "_api_key");
        String secret = Credentials.required(name, credentials, name + "_api_secret");
        marketData();
        return new BinanceTrading(name, perpetual, baseUrl, settings, key, secret, marketData);
    }
}
