package io.aviary.accounts.infra;

import io.aviary.accounts.domain.SecretSealer;
import io.aviary.connectors.catalog.ConnectorCatalog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class VaultConfiguration {

    @Bean
    SecretSealer secretSealer(@Value("${aviary.vault.config-password:}") String configPassword) {
        if (configPassword.isEmpty()) {
            throw new IllegalStateException("CONFIG_PASSWORD is not set: accounts-service needs it to encrypt credentials");
        }
        return new SecretSealer(configPassword, SecretSealer.DEFAULT_PARAMS);
    }

    /** Verified during context start-up (after migrations), so a wrong password never serves a request. */
    @Bean(initMethod = "verifyOrInitialize")
    @DependsOn("flywayInitializer")
    VaultVerification vaultVerification(JdbcTemplate jdbc, SecretSealer sealer) {
        return new VaultVerification(jdbc, sealer);
    }

    @Bean
    ConnectorCatalog connectorCatalog(io.aviary.connectors.registry.ConnectorRegistry registry) {
        return registry.catalog();
    }
}
