package io.aviary.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.venues.VenueSettings;
import java.net.URI;
import org.junit.jupiter.api.Test;

class StandardConnectorsTest {

    private final ConnectorRegistry registry =
            StandardConnectors.registry(URI.create("http://127.0.0.1:1"), VenueSettings.defaults());

    @Test
    void everyShippedConnectorIsRegisteredOnceWithItsSpec() {
        assertThat(registry.catalog().all()).extracting(ConnectorSpec::name).containsExactly(
                "binance", "binance_paper_trade", "binance_perpetual", "bybit", "coinbase_advanced_trade", "gate_io",
                "gate_io_paper_trade", "kraken", "kraken_paper_trade", "kucoin", "kucoin_paper_trade", "okx", "sim",
                "sim_paper_trade", "sim_perpetual");
        for (ConnectorSpec spec : registry.catalog().all()) {
            assertThat(registry.find(spec.name()).orElseThrow().spec()).isEqualTo(spec);
        }
    }

    @Test
    void paperTwinsNeedNoCredentialsAndTradeTheVenuesOrderTypes() {
        ConnectorSpec paper = registry.spec("kraken_paper_trade").orElseThrow();
        assertThat(paper.configFields()).isEmpty();
        assertThat(paper.requiresCredentials()).isFalse();
        assertThat(paper.perpetual()).isFalse();
        assertThat(paper.orderTypes()).isEqualTo(registry.spec("kraken").orElseThrow().orderTypes());
    }
}
