package io.aviary.connectors.venues.coinbase;

import io.aviary.connectors.venues.RestVenue;
import io.aviary.connectors.venues.VenueProfile;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.support.IntervalCodes;
import java.util.List;

/** The {@code coinbase_advanced_trade} connector (native REST with CDP JWT auth, polled streams). */
public final class CoinbaseVenue {

    /** Coinbase Advanced Trade allows 10 public and 30 private requests/s. */
    public static final VenueProfile PROFILE = VenueProfile.spot("coinbase_advanced_trade", "https://api.coinbase.com",
            List.of("coinbase_advanced_trade_api_key", "coinbase_advanced_trade_api_secret"), ResiliencePolicy.perSecond(10), false,
            IntervalCodes.of("Coinbase",
                    "1m=ONE_MINUTE 5m=FIVE_MINUTE 15m=FIFTEEN_MINUTE 30m=THIRTY_MINUTE 1h=ONE_HOUR 2h=TWO_HOUR 6h=SIX_HOUR 1d=ONE_DAY"));

    private CoinbaseVenue() {
    }

    public static RestVenue<?> create(VenueSettings settings) {
        return new RestVenue<>(PROFILE, settings, CoinbaseMarketData::new,
                (venue, key, marketData) -> new CoinbaseTrading(venue, key));
    }
}
