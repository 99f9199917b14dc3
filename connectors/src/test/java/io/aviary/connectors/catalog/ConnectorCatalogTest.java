package io.aviary.connectors.catalog;

import io.aviary.connectors.model.OrderType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectorCatalogTest {

    @Test
    void simulatedVenueTakesAnApiKeyAndSecretBothSecret() {
        ConnectorSpec sim = standard().find("sim").orElseThrow();
        assertThat(sim.configFields()).containsExactly("sim_api_key", "sim_api_secret");
        assertThat(sim.secretFields()).containsExactlyInAnyOrder("sim_api_key", "sim_api_secret");
        assertThat(sim.perpetual()).isFalse();
        assertThat(standard().find("sim_perpetual").orElseThrow().perpetual()).isTrue();
    }

    @Test
    void listsTheRealVenuesWithHummingbotFieldNames() {
        ConnectorCatalog catalog = standard();
        assertThat(catalog.all()).extracting(ConnectorSpec::name).contains("binance", "binance_perpetual", "kucoin",
                "okx", "bybit", "kraken", "gate_io", "coinbase_advanced_trade", "sim", "sim_perpetual");
        assertThat(catalog.find("kucoin").orElseThrow().configFields())
                .containsExactly("kucoin_api_key", "kucoin_secret_key", "kucoin_passphrase");
        assertThat(catalog.find("binance_perpetual").orElseThrow().perpetual()).isTrue();
    }

    @Test
    void unknownConnectorIsAbsent() {
        assertThat(standard().find("binance_typo")).isEmpty();
    }

    @Test
    void aDuplicateNameIsRefused() {
        ConnectorSpec a = ConnectorSpec.apiKeyAndSecret("x", Set.of(OrderType.LIMIT), false);
        assertThatThrownBy(() -> new ConnectorCatalog(List.of(a, a))).hasMessageContaining("listed twice");
    }

    @Test
    void aSecretFieldMustBeAConfigField() {
        assertThatThrownBy(() -> new ConnectorSpec("x", List.of("k"), Set.of("s"), Set.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ConnectorCatalog standard() {
        return io.aviary.connectors.registry.StandardConnectors.registry(java.net.URI.create("http://127.0.0.1:1"),
                io.aviary.connectors.venues.VenueSettings.defaults()).catalog();
    }
}
