package io.aviary.connectors.venues.kraken;

import io.aviary.connectors.venues.RestVenue;
import io.aviary.connectors.venues.VenueProfile;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.support.IntervalCodes;
import java.util.List;
import java.util.Set;

/** The {@code kraken} connector (native REST, polled streams). */
public final class KrakenVenue {

    /**
     * Kraken allows about 1 public request/s and a decaying private counter (Starter 15, −0.33/s).
     * {@code kraken_api_tier} (Starter/Intermediate/Pro) is accepted for Hummingbot compatibility and not
     * required; limits are client-side.
     */
    public static final VenueProfile PROFILE = new VenueProfile("kraken", "https://api.kraken.com",
            List.of("kraken_api_key", "kraken_secret_key", "kraken_api_tier"), Set.of("kraken_api_key", "kraken_secret_key"),
            ResiliencePolicy.perSecond(1), true, false,
            IntervalCodes.of("Kraken", "1m=1 5m=5 15m=15 30m=30 1h=60 4h=240 1d=1440 1w=10080"));

    private KrakenVenue() {
    }

    public static RestVenue<?> create(VenueSettings settings) {
        return new RestVenue<>(PROFILE, settings, KrakenMarketData::new, KrakenTrading::new);
    }
}
