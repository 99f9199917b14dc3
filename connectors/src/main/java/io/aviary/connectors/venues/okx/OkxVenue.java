package io.aviary.connectors.venues.okx;

import io.aviary.connectors.venues.RestVenue;
import io.aviary.connectors.venues.VenueProfile;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.support.IntervalCodes;
import java.util.List;

/** The {@code okx} spot connector (native REST, polled streams). */
public final class OkxVenue {

    /** OKX allows about 20 requests per 2 s per endpoint. */
    public static final VenueProfile PROFILE = VenueProfile.spot("okx", "https://www.okx.com",
            List.of("okx_api_key", "okx_secret_key", "okx_passphrase"), ResiliencePolicy.perSecond(10), false,
            IntervalCodes.of("OKX",
                    "1s=1s 1m=1m 3m=3m 5m=5m 15m=15m 30m=30m 1h=1H 2h=2H 4h=4H 6h=6Hutc 12h=12Hutc 1d=1Dutc 3d=3Dutc 1w=1Wutc 1M=1Mutc"));

    private OkxVenue() {
    }

    public static RestVenue<?> create(VenueSettings settings) {
        return new RestVenue<>(PROFILE, settings, OkxMarketData::new,
                (venue, key, marketData) -> new OkxTrading(venue, key));
    }
}
