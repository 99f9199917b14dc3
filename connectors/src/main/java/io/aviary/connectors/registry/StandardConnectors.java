package io.aviary.connectors.registry;

import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.sim.SimConnectorFactory;
import io.aviary.connectors.venues.VenueConnectors;
import io.aviary.connectors.venues.VenueSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The connectors every Aviary process offers: the simulated venue and the real exchanges. */
public final class StandardConnectors {

    private StandardConnectors() {
    }

    /**
     * @param simExchangeUrl where the simulated venue listens (AVIARY_SIM_EXCHANGE_URL)
     * @param venues         settings of the real-exchange adapters
     */
    public static ConnectorRegistry registry(URI simExchangeUrl, VenueSettings venues) {
        List<ConnectorFactory> factories = new ArrayList<>(SimConnectorFactory.both(simExchangeUrl));
        factories.addAll(VenueConnectors.all(venues));
        return new ConnectorRegistry(factories);
    }
}
