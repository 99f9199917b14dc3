package io.aviary.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.catalog.ConnectorCatalog;
import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.venues.VenueSettings;
import java.net.URI;
import org.junit.jupiter.api.Test;

class StandardConnectorsTest {

    @Test
    void theRegistryAndTheStandardCatalogAgree() {
        ConnectorRegistry registry = StandardConnectors.registry(URI.create("http://127.0.0.1:1"), VenueSettings.defaults());
        assertThat(registry.catalog().all()).extracting(ConnectorSpec::name)
                .containsExactlyElementsOf(ConnectorCatalog.standard().all().stream().map(ConnectorSpec::name).toList());
        for (ConnectorSpec spec : ConnectorCatalog.standard().all()) {
            assertThat(registry.spec(spec.name())).contains(spec);
        }
    }
}
