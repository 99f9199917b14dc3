package io.aviary.trading.app.session;

import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.infra.AccountsClient;
import io.aviary.trading.infra.AccountsClient.AccountsUnavailableException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the open sessions equal to the stored credentials. Credential events ask for a prompt
 * change of one session; a full comparison with accounts-service runs at start-up and every
 * {@code session-sync-interval}, which also repairs anything an event could not (accounts-service
 * down at that moment, an event handled before a crash). Sessions are opened off the event
 * transaction because opening one talks to the venue.
 */
@Component
public class SessionSynchronizer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionSynchronizer.class);

    private final AccountsClient accounts;
    private final SessionRegistry sessions;
    private final SessionAccess access;
    private final Duration interval;
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("session-sync").daemon().factory());

    public SessionSynchronizer(AccountsClient accounts, SessionRegistry sessions, SessionAccess access,
            @Value("${aviary.trading.session-sync-interval:30s}") Duration interval) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.access = access;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        worker.scheduleWithFixedDelay(this::syncAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A credential was stored or replaced: (re)open its session with the new fields. */
    public void credentialChanged(SessionKey key) {
        worker.execute(() -> reopen(key));
    }

    /** A credential or its account was removed: close the session and forget its positions. */
    public void credentialRemoved(SessionKey key) {
        worker.execute(() -> access.remove(key));
    }

    public void accountRemoved(String accountName) {
        worker.execute(() -> sessions.keys().stream().filter(k -> k.accountName().equals(accountName))
                .forEach(access::remove));
    }

    void syncAll() {
        try {
            Set<SessionKey> stored = new HashSet<>(accounts.credentials());
            for (SessionKey open : sessions.keys()) {
                if (!stored.contains(open)) {
                    access.remove(open);
                }
            }
            for (SessionKey key : stored) {
                if (sessions.find(key).isEmpty()) {
                    reopen(key);
                }
            }
        } catch (AccountsUnavailableException e) {
            log.warn("Cannot compare sessions with stored credentials now ({}); retrying in {}", e.getMessage(), interval);
        } catch (RuntimeException e) {
            log.error("Session synchronisation failed; retrying in {}", interval, e);
        }
    }

    private void reopen(SessionKey key) {
        try {
            access.refresh(key);
        } catch (AccountsUnavailableException e) {
            log.warn("Cannot open session {} now ({}); retrying at the next synchronisation", key, e.getMessage());
        } catch (RuntimeException e) {
            // the message of a connector failure names the venue problem, never credential values
            log.warn("Cannot open session {} now ({}); retrying at the next synchronisation", key, e.toString());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
