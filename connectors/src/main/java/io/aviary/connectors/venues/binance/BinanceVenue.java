package io.aviary.connectors.venues.binance;

import io.aviary.connectors.venues.RestVenue;
import io.aviary.connectors.venues.VenueProfile;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.support.IntervalCodes;
import java.util.List;
import java.util.Set;

/**
 * The {@code binance} and {@code binance_perpetual} connectors (XChange where it serves, native REST
 * elsewhere, websocket streams when enabled). Every candle interval is asked by its Hummingbot name.
 */
public final class BinanceVenue {

    public static final String SPOT = "binance";
    public static final String PERPETUAL = "binance_perpetual";
    /** Spot allows 6000 request weight/min. */
    public static final VenueProfile SPOT_PROFILE = profile(SPOT, "https://api.binance.com", 20, true, false);
    /** USDⓈ-M allows 2400 request weight/min. */
    public static final VenueProfile PERPETUAL_PROFILE = profile(PERPETUAL, "https://fapi.binance.com", 10, false, true);

    private BinanceVenue() {
    }

    private static VenueProfile profile(String name, String url, int perSecond, boolean paperTwin, boolean perpetual) {
        List<String> fields = List.of(name + "_api_key", name + "_api_secret");
        return new VenueProfile(name, url, fields, Set.copyOf(fields), ResiliencePolicy.perSecond(perSecond), paperTwin,
                perpetual, IntervalCodes.wireNames("Binance"));
    }

    public static RestVenue<?> create(boolean perpetual, VenueSettings settings) {
        VenueProfile profile = perpetual ? PERPETUAL_PROFILE : SPOT_PROFILE;
        return new RestVenue<>(profile, settings,
                venue -> new BinanceMarketData(venue.name(), perpetual, profile.baseUrl(settings), settings,
                        venue.intervals()),
                (venue, key, marketData) -> new BinanceTrading(venue.name(), perpetual, profile.baseUrl(settings),
                        settings, key.key(), key.secret(), marketData));
    }
}
