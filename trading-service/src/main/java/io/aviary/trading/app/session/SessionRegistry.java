package io.aviary.trading.app.session;

import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.UserStreamListener;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.kit.failure.NotFound;
import io.aviary.trading.domain.SessionKey;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The live sessions of this instance, one per (account, connector) with a stored credential. It knows no job or
 * listener: whoever opens a session hands it the session's stream listener, so the session jobs can look sessions up
 * here without a loop back to them.
 */
@Component
public class SessionRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);

    private final ConnectorRegistry connectors;
    private final Clock clock;
    private final Map<SessionKey, LiveSession> sessions = new ConcurrentHashMap<>();

    public SessionRegistry(ConnectorRegistry connectors, Clock clock) {
        this.connectors = connectors;
        this.clock = clock;
    }

    /**
     * Opens (or re-opens with new credentials) the session; the previous one is closed after the new one is up.
     * Only {@link SessionAccess} calls this, under its per-session lock.
     */
    LiveSession open(SessionKey key, Map<String, String> credentials, long credentialRevision, UserStreamListener stream) {
        ConnectorFactory factory = connectors.find(key.connectorName())
                .orElseThrow(() -> new IllegalArgumentException("no connector named " + key.connectorName()));
        TradingConnector trading = factory.trading(key.accountName(), credentials);
        LiveSession session = new LiveSession(key, factory.spec(), trading,
                trading.subscribeUserStream(stream), clock.instant(), credentialRevision);
        LiveSession previous = sessions.put(key, session);
        if (previous != null) {
            previous.close();
        }
        log.info("Session {} open (credential revision {})", key, credentialRevision);
        return session;
    }

    void close(SessionKey key) {
        LiveSession session = sessions.remove(key);
        if (session != null) {
            session.close();
            log.info("Session {} closed", key);
        }
    }

    public Optional<LiveSession> find(SessionKey key) {
        return Optional.ofNullable(sessions.get(key));
    }

    /** The contract's 404 for a session that does not exist (no such account, or no credential for the connector). */
    NotFound missing(SessionKey key) {
        boolean accountKnown = sessions.keySet().stream().anyMatch(k -> k.accountName().equals(key.accountName()));
        if (!accountKnown) {
            return new NotFound("Account '" + key.accountName() + "' not found or it has no credentials: "
                    + "add a credential with POST /accounts/add-credential/" + key.accountName() + "/" + key.connectorName());
        }
        return new NotFound("Connector '" + key.connectorName() + "' not found for account '" + key.accountName()
                + "': add a credential for it first");
    }

    public Collection<LiveSession> all() {
        return List.copyOf(sessions.values());
    }

    public Set<SessionKey> keys() {
        return Set.copyOf(sessions.keySet());
    }

    public Set<String> accounts() {
        return sessions.keySet().stream().map(SessionKey::accountName).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void close() {
        keys().forEach(this::close);
    }
}
