package io.aviary.kit.connectors;

import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.connectors.registry.StandardConnectors;
import io.aviary.connectors.venues.VenueSettings;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The connector registry for services that have the connector layer on their classpath (accounts,
 * trading, market data). Building it contacts no venue; sessions are opened on use.
 */
@AutoConfiguration
@ConditionalOnClass(name = "io.aviary.connectors.registry.ConnectorRegistry")
public class ConnectorsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConnectorRegistry connectorRegistry(@Value("${AVIARY_SIM_EXCHANGE_URL:http://localhost:8200}") String simExchangeUrl) {
        return StandardConnectors.registry(URI.create(simExchangeUrl), VenueSettings.defaults());
    }
}
