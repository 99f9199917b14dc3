package io.aviary.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.catalog.ConnectorCatalog;
import io.aviary.connectors.registry.ConnectorRegistry;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SimConnectorFactoryTest {

    @Test
    void specsAreTheCatalogsAndRegisterUnderTheirHummingbotNames() {
        URI url = URI.create(SimConnectorFactory.DEFAULT_URL);
        ConnectorCatalog standard = io.aviary.connectors.registry.StandardConnectors.registry(url,
                io.aviary.connectors.venues.VenueSettings.defaults()).catalog();
        assertThat(SimConnectorFactory.spot(url).spec()).isEqualTo(standard.find("sim").orElseThrow());
        assertThat(SimConnectorFactory.perpetual(url).spec()).isEqualTo(standard.find("sim_perpetual").orElseThrow());

        ConnectorRegistry registry = new ConnectorRegistry(SimConnectorFactory.both(url));
        assertThat(registry.find("sim")).isPresent();
        assertThat(registry.spec("sim_perpetual").orElseThrow().perpetual()).isTrue();
        assertThat(registry.find("sim").orElseThrow().marketData().name()).isEqualTo("sim");
    }

    @Test
    void theWebSocketAddressFollowsTheBaseUrl() {
        assertThat(SimVenue.of("sim", false, URI.create("http://venue:8200/")).webSocketUri())
                .isEqualTo(URI.create("ws://venue:8200/ws"));
        assertThat(SimVenue.of("sim", true, URI.create("https://venue")).webSocketUri())
                .isEqualTo(URI.create("wss://venue/ws"));
        assertThat(SimVenue.of("sim", true, URI.create("https://venue")).path("/orders")).isEqualTo("/api/v1/perp/orders");
    }
}
