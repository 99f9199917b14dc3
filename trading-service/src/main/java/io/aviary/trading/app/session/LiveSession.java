package io.aviary.trading.app.session;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.trading.domain.SessionKey;
import java.time.Instant;

/**
 * An open authenticated session on a venue and its user-stream subscription, opened from revision
 * {@code credentialRevision} of the stored credential.
 */
public record LiveSession(SessionKey key, ConnectorSpec spec, TradingConnector trading, Subscription userStream,
        Instant openedAt, long credentialRevision) {

    public boolean perpetual() {
        return spec.perpetual();
    }

    void close() {
        try {
            userStream.close();
        } finally {
            trading.close();
        }
    }
}
