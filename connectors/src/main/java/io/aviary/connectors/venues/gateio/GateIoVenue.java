package io.aviary.connectors.venues.gateio;

import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.venues.RestVenue;
import io.aviary.connectors.venues.VenueProfile;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.IntervalCodes;
import java.util.List;

/** Builds the {@code gate_io} connector (native v4 REST, polled streams). */
public final class GateIoVenue extends RestVenue<GateIoMarketData> {

    public static final String NAME = "gate_io";
    /** Gate.io allows about 10 requests/s per private endpoint. */
    public static final VenueProfile PROFILE = VenueProfile.spot(NAME, "https://api.gateio.ws", List.of("gate_io_api_key", "gate_io_secret_key"),
            ResiliencePolicy.perSecond(10), true, IntervalCodes.of("Gate.io",
                    "1m=1m 5m=5m 15m=15m 30m=30m 1h=1h 4h=4h 8h=8h 1d=1d 1w=7d 1M=30d"));

    public GateIoVenue(VenueSettings settings) {
        super(PROFILE, settings);
    }

    @Override
    protected GateIoMarketData newMarketData() {
        return new GateIoMarketData(NAME, new GateIoApi(NAME, http, null), settings.pollInterval(), PROFILE.intervals());
    }

    @Override
    protected TradingConnector newTrading(ApiKey key, GateIoMarketData marketData) {
        return new GateIoTrading(NAME, new GateIoApi(NAME, http, key), marketData, settings.pollInterval());
    }
}
