package io.aviary.connectors.venues.bybit;

import io.aviary.connectors.venues.RestVenue;
import io.aviary.connectors.venues.VenueProfile;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.support.IntervalCodes;
import java.util.List;

/** The {@code bybit} spot connector (native v5 REST, polled streams). */
public final class BybitVenue {

    /** Bybit allows 600 requests per 5 s per IP (about 10-20/s per endpoint). */
    public static final VenueProfile PROFILE = VenueProfile.spot("bybit", "https://api.bybit.com",
            List.of("bybit_api_key", "bybit_api_secret"), ResiliencePolicy.perSecond(10), false,
            IntervalCodes.of("Bybit", "1m=1 3m=3 5m=5 15m=15 30m=30 1h=60 2h=120 4h=240 6h=360 12h=720 1d=D 1w=W 1M=M"));

    private BybitVenue() {
    }

    public static RestVenue<?> create(VenueSettings settings) {
        return new RestVenue<>(PROFILE, settings, BybitMarketData::new, BybitTrading::new);
    }
}
