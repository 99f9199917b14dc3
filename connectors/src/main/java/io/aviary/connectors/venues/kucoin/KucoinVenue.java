package io.aviary.connectors.venues.kucoin;

import io.aviary.connectors.venues.RestVenue;
import io.aviary.connectors.venues.VenueProfile;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.support.IntervalCodes;
import java.util.List;

/** The {@code kucoin} connector (native REST, polled streams). */
public final class KucoinVenue {

    /** KuCoin allows about 4000 requests per 30 s per pool. */
    public static final VenueProfile PROFILE = VenueProfile.spot("kucoin", "https://api.kucoin.com",
            List.of("kucoin_api_key", "kucoin_secret_key", "kucoin_passphrase"), ResiliencePolicy.perSecond(10), true,
            IntervalCodes.of("KuCoin",
                    "1m=1min 3m=3min 5m=5min 15m=15min 30m=30min 1h=1hour 2h=2hour 4h=4hour 6h=6hour 8h=8hour 12h=12hour 1d=1day 1w=1week 1M=1month"));

    private KucoinVenue() {
    }

    public static RestVenue<?> create(VenueSettings settings) {
        return new RestVenue<>(PROFILE, settings, KucoinMarketData::new,
                (venue, key, marketData) -> new KucoinTrading(venue, key));
    }
}
