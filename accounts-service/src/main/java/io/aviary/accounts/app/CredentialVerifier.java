package io.aviary.accounts.app;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.kit.failure.InvalidRequest;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Proves a credential works before the vault stores it: one cheap authenticated call through the
 * connector. Refused credentials are a 400 with the venue's reason; a venue that cannot be reached
 * is a 503 (answered by the kit's venue error handler) — either way nothing is stored.
 * A connector without config fields (paper trading) has nothing to prove: its sessions hold no
 * venue identity and are hosted by trading-service, so it is stored without a venue call.
 */
@Component
public class CredentialVerifier {

    private final ConnectorRegistry registry;

    public CredentialVerifier(ConnectorRegistry registry) {
        this.registry = registry;
    }

    public void verify(String account, ConnectorSpec connector, Map<String, String> credentials) {
        if (!connector.requiresCredentials()) {
            return;
        }
        ConnectorFactory factory = registry.find(connector.name())
                .orElseThrow(() -> new InvalidRequest("Unknown connector '" + connector.name() + "'"));
        try (TradingConnector session = factory.trading(account, credentials)) {
            session.verifyCredentials();
        } catch (VenueException.AuthenticationFailed e) {
            throw new InvalidRequest("The venue refused these credentials: " + e.getMessage());
        }
    }
}
