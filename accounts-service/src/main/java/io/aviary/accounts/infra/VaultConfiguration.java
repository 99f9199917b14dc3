package io.aviary.accounts.infra;

import io.aviary.accounts.domain.SecretSealer;
import io.aviary.connectors.catalog.ConnectorCatalog;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration
class VaultConfiguration {

    /** Derives the key-encryption key once, from CONFIG_PASSWORD and the vault's salt (created on the first start). */
    @Bean
    @DependsOn("flywayInitializer")
    SecretSealer secretSealer(@Value("${aviary.vault.config-password:}") String configPassword, JdbcTemplate jdbc) {
        if (configPassword.isEmpty()) {
            throw new IllegalStateException("CONFIG_PASSWORD is not set: accounts-service needs it to encrypt credentials");
        }
        return new SecretSealer(configPassword, SecretSealer.DEFAULT_PARAMS, vaultSalt(jdbc));
    }

    private static byte[] vaultSalt(JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO vault_key (id, salt) VALUES (1, ?) ON CONFLICT (id) DO NOTHING",
                Base64.getEncoder().encodeToString(SecretSealer.newVaultSalt()));
        return Base64.getDecoder().decode(jdbc.queryForObject("SELECT salt FROM vault_key WHERE id = 1", String.class));
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
