package io.aviary.connectors.registry;

import io.aviary.connectors.paper.PaperConnectorFactory;
import io.aviary.connectors.paper.PaperLedger;
import io.aviary.connectors.paper.PaperSettings;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.sim.SimConnectorFactory;
import io.aviary.connectors.venues.VenueConnectors;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import io.aviary.connectors.venues.resilience.ResilientConnectorFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The connectors every Aviary process offers: the simulated venue and the real exchanges. */
public final class StandardConnectors {

    private StandardConnectors() {
    }

    /**
     * @param simExchangeUrl where the simulated venue listens (AVIARY_SIM_EXCHANGE_URL)
     * @param venues         settings of the real-exchange adapters
     */
    public static ConnectorRegistry registry(URI simExchangeUrl, VenueSettings venues) {
        return registry(simExchangeUrl, venues, Optional.empty(), PaperSettings.defaults());
    }

    /**
     * @param paperLedger where paper accounts are stored; without one the paper connectors are listed and
     *                    serve public data, but cannot open sessions
     */
    public static ConnectorRegistry registry(URI simExchangeUrl, VenueSettings venues, Optional<PaperLedger> paperLedger,
            PaperSettings paper) {
        return registry(simExchangeUrl, SimConnectorFactory.MAX_FILL_PAGE, venues, paperLedger, paper);
    }

    /** @param simFillPageSize fills per fill-history request to the simulated venue (AVIARY_SIM_FILL_PAGE_SIZE) */
    public static ConnectorRegistry registry(URI simExchangeUrl, int simFillPageSize, VenueSettings venues,
            Optional<PaperLedger> paperLedger, PaperSettings paper) {
        List<ConnectorFactory> factories = new ArrayList<>(SimConnectorFactory.both(simExchangeUrl, simFillPageSize).stream()
                .map(sim -> ResilientConnectorFactory.wrap(sim, SIM_POLICY)).toList());
        factories.addAll(VenueConnectors.all(venues));
        List<ConnectorFactory> papers = factories.stream().filter(f -> PAPER_VENUES.contains(f.spec().name()))
                .map(f -> (ConnectorFactory) new PaperConnectorFactory(f, paperLedger, paper)).toList();
        factories.addAll(papers);
        return new ConnectorRegistry(factories);
    }

    /**
     * The simulated venue is local and fast: a rate limit no platform load reaches, and a breaker
     * that opens after 10 straight failures for only 5 s, so a restarted venue is used again at once.
     */
    public static final ResiliencePolicy SIM_POLICY = ResiliencePolicy.perSecond(5_000).withBreaker(10, Duration.ofSeconds(5));

    /** Venues with a {@code _paper_trade} twin: the simulated one and Hummingbot's default paper exchanges. */
    public static final Set<String> PAPER_VENUES = Stream.concat(Stream.of("sim"), VenueConnectors.paperTwins().stream())
            .collect(Collectors.toUnmodifiableSet());
}
