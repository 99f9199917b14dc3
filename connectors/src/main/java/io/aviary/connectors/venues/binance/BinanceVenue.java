package io.aviary.connectors.venues.binance;

import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.venues.RestVenue;
import io.aviary.connectors.venues.VenueProfile;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.IntervalCodes;
import java.util.List;
import java.util.Set;

/** Builds the {@code binance} and {@code binance_perpetual} connectors. */
public final class BinanceVenue extends RestVenue<BinanceMarketData> {

    public static final String SPOT = "binance";
    public static final String PERPETUAL = "binance_perpetual";
    public static final String SPOT_URL = "https://api.binance.com";
    public static final String PERPETUAL_URL = "https://fapi.binance.com";
    /** Spot allows 6000 request weight/min; every interval, asked by its Hummingbot name. */
    public static final VenueProfile SPOT_PROFILE = profile(SPOT, SPOT_URL, 20, true, false);
    /** USDⓈ-M allows 2400 request weight/min. */
    public static final VenueProfile PERPETUAL_PROFILE = profile(PERPETUAL, PERPETUAL_URL, 10, false, true);

    private final boolean perpetual;

    public BinanceVenue(boolean perpetual, VenueSettings settings) {
        super(perpetual ? PERPETUAL_PROFILE : SPOT_PROFILE, settings);
        this.perpetual = perpetual;
    }

    private static VenueProfile profile(String name, String url, int perSecond, boolean paperTwin, boolean perpetual) {
        List<String> fields = List.of(name + "_api_key", name + "_api_secret");
        return new VenueProfile(name, url, fields, Set.copyOf(fields), ResiliencePolicy.perSecond(perSecond), paperTwin,
                perpetual, IntervalCodes.wireNames("Binance"));
    }

    @Override
    protected BinanceMarketData newMarketData() {
        return new BinanceMarketData(name(), perpetual, baseUrl(), settings, profile().intervals());
    }

    @Override
    protected TradingConnector newTrading(ApiKey key, BinanceMarketData marketData) {
        return new BinanceTrading(name(), perpetual, baseUrl(), settings, key.key(), key.secret(), marketData);
    }
}
