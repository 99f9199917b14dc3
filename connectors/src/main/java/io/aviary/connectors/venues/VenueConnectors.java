package io.aviary.connectors.venues;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.venues.binance.BinanceVenue;
import io.aviary.connectors.venues.bybit.BybitVenue;
import io.aviary.connectors.venues.coinbase.CoinbaseVenue;
import io.aviary.connectors.venues.gateio.GateIoVenue;
import io.aviary.connectors.venues.kraken.KrakenVenue;
import io.aviary.connectors.venues.kucoin.KucoinVenue;
import io.aviary.connectors.venues.okx.OkxVenue;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.resilience.ResilientConnectorFactory;
import io.aviary.connectors.venues.resilience.VenueResilience;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real-exchange connectors, by Hummingbot name, each behind its venue's resilience policy. What sets a
 * venue apart (credential fields, rate limit, paper twin, candle intervals) is its {@link VenueProfile},
 * declared by the venue's own class; this list only says which venues exist and in what order.
 */
public final class VenueConnectors {

    /** Every venue's profile, in catalog order. */
    public static final List<VenueProfile> PROFILES = List.of(BinanceVenue.SPOT_PROFILE, BinanceVenue.PERPETUAL_PROFILE,
            KucoinVenue.PROFILE, OkxVenue.PROFILE, BybitVenue.PROFILE, KrakenVenue.PROFILE, GateIoVenue.PROFILE,
            CoinbaseVenue.PROFILE);

    /** Each venue's default client-side limit, kept under its documented limits (see the profiles). */
    public static final Map<String, ResiliencePolicy> DEFAULT_POLICIES = PROFILES.stream()
            .collect(Collectors.toUnmodifiableMap(VenueProfile::name, VenueProfile::policy));

    private VenueConnectors() {
    }

    /** Every real-venue connector, wrapped in its resilience policy. */
    public static List<ConnectorFactory> all(VenueSettings settings) {
        return unprotected(settings).stream()
                .map(f -> (ConnectorFactory) new ResilientConnectorFactory(f, new VenueResilience(f.spec().name(),
                        settings.policies().getOrDefault(f.spec().name(), DEFAULT_POLICIES.get(f.spec().name())))))
                .toList();
    }

    /** The same connectors without the resilience wrapper (tests of the raw adapters). */
    public static List<ConnectorFactory> unprotected(VenueSettings settings) {
        List<RestVenue<?>> venues = List.of(BinanceVenue.create(false, settings), BinanceVenue.create(true, settings),
                KucoinVenue.create(settings), OkxVenue.create(settings), BybitVenue.create(settings),
                KrakenVenue.create(settings), GateIoVenue.create(settings), CoinbaseVenue.create(settings));
        return venues.stream().map(RestVenue::factory).toList();
    }

    /** The connector specs alone (for a catalog). */
    public static List<ConnectorSpec> specs() {
        return PROFILES.stream().map(VenueProfile::spec).toList();
    }

    /** The venues Hummingbot offers a {@code _paper_trade} twin of. */
    public static List<String> paperTwins() {
        return PROFILES.stream().filter(VenueProfile::paperTwin).map(VenueProfile::name).toList();
    }
}
