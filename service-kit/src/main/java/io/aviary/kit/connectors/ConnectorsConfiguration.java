package io.aviary.kit.connectors;

import io.aviary.connectors.paper.JdbcPaperLedger;
import io.aviary.connectors.paper.PaperLedger;
import io.aviary.connectors.paper.PaperSettings;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.connectors.registry.StandardConnectors;
import io.aviary.connectors.venues.VenueSettings;
import java.net.URI;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The connector registry for services that have the connector layer on their classpath (accounts,
 * trading, market data). Building it contacts no venue; sessions are opened on use. A service that
 * hosts paper-trading sessions sets {@code aviary.connectors.paper-ledger=jdbc} and adds
 * {@code classpath:db/paper} to its Flyway locations; elsewhere paper connectors serve public data only.
 */
@AutoConfiguration
@ConditionalOnClass(name = "io.aviary.connectors.registry.ConnectorRegistry")
public class ConnectorsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConnectorRegistry connectorRegistry(@Value("${AVIARY_SIM_EXCHANGE_URL:http://localhost:8200}") String simExchangeUrl,
            @Value("${AVIARY_SIM_FILL_PAGE_SIZE:1000}") int simFillPageSize,
            ObjectProvider<PaperLedger> paperLedger) {
        return StandardConnectors.registry(URI.create(simExchangeUrl), simFillPageSize, VenueSettings.defaults(),
                Optional.ofNullable(paperLedger.getIfAvailable()), PaperSettings.defaults());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "aviary.connectors.paper-ledger", havingValue = "jdbc")
    PaperLedger paperLedger(DataSource dataSource) {
        return new JdbcPaperLedger(dataSource);
    }
}
