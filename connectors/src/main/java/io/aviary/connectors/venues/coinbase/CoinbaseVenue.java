package io.aviary.connectors.venues.coinbase;

import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.venues.RestVenue;
import io.aviary.connectors.venues.VenueProfile;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.IntervalCodes;
import java.util.List;

/** Builds the {@code coinbase_advanced_trade} connector (native REST with CDP JWT auth, polled streams). */
public final class CoinbaseVenue extends RestVenue<CoinbaseMarketData> {

    public static final String NAME = "coinbase_advanced_trade";
    /** Coinbase Advanced Trade allows 10 public and 30 private requests/s. */
    public static final VenueProfile PROFILE = VenueProfile.spot(NAME, "https://api.coinbase.com", List.of("coinbase_advanced_trade_api_key", "coinbase_advanced_trade_api_secret"),
            ResiliencePolicy.perSecond(10), false, IntervalCodes.of("Coinbase",
                    "1m=ONE_MINUTE 5m=FIVE_MINUTE 15m=FIFTEEN_MINUTE 30m=THIRTY_MINUTE 1h=ONE_HOUR 2h=TWO_HOUR 6h=SIX_HOUR 1d=ONE_DAY"));

    public CoinbaseVenue(VenueSettings settings) {
        super(PROFILE, settings);
    }

    @Override
    protected CoinbaseMarketData newMarketData() {
        return new CoinbaseMarketData(NAME, new CoinbaseApi(NAME, http, null), settings.pollInterval(), PROFILE.intervals());
    }

    @Override
    protected TradingConnector newTrading(ApiKey key, CoinbaseMarketData marketData) {
        return new CoinbaseTrading(NAME, new CoinbaseApi(NAME, http, key), settings.pollInterval());
    }
}
