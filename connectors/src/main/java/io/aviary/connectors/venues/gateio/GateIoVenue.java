package io.aviary.connectors.venues.gateio;

import io.aviary.connectors.venues.RestVenue;
import io.aviary.connectors.venues.VenueProfile;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.support.IntervalCodes;
import java.util.List;

/** The {@code gate_io} connector (native v4 REST, polled streams). */
public final class GateIoVenue {

    /** Gate.io allows about 10 requests/s per private endpoint. */
    public static final VenueProfile PROFILE = VenueProfile.spot("gate_io", "https://api.gateio.ws",
            List.of("gate_io_api_key", "gate_io_secret_key"), ResiliencePolicy.perSecond(10), true,
            IntervalCodes.of("Gate.io", "1m=1m 5m=5m 15m=15m 30m=30m 1h=1h 4h=4h 8h=8h 1d=1d 1w=7d 1M=30d"));

    private GateIoVenue() {
    }

    public static RestVenue<?> create(VenueSettings settings) {
        return new RestVenue<>(PROFILE, settings, GateIoMarketData::new, GateIoTrading::new);
    }
}
