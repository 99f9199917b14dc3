package io.aviary.accounts.app;

import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.kit.web.ApiException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Proves a credential works before the vault stores it: one cheap authenticated call through the
 * connector. Refused credentials are a 400 with the venue's reason; a venue that cannot be reached
 * is a 503 (answered by the kit's venue error handler) — either way nothing is stored.
 */
@Component
public class CredentialVerifier {

    private final ConnectorRegistry registry;

    public CredentialVerifier(ConnectorRegistry registry) {
        this.registry = registry;
    }

    public void verify(String account, String connector, Map<String, String> credentials) {
        ConnectorFactory factory = registry.find(connector)
                .orElseThrow(() -> ApiException.badRequest("Unknown connector '" + connector + "'"));
        try (TradingConnector session = factory.trading(account, credentials)) {
            session.verifyCredentials();
        } catch (VenueException.AuthenticationFailed e) {
            throw ApiException.badRequest("The venue refused these credentials: " + e.getMessage());
        }
    }
}
