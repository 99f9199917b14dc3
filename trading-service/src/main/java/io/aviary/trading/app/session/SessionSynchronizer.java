package io.aviary.trading.app.session;

import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.infra.AccountsClient;
import io.aviary.trading.infra.AccountsClient.AccountsUnavailableException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
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
 *
 * <p>With several replicas (ADR 0026) each one opens only sessions whose lease it gets, up to its fair share; one
 * above its share (a replica joined) hands the surplus over. Every {@link SessionOwnership#checkInterval()} the
 * credentials seen last are checked for sessions nobody owns (their replica died): those are taken at once, so a
 * killed replica's sessions run again within the lease time to live plus that interval.
 */
@Component
public class SessionSynchronizer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionSynchronizer.class);

    private final AccountsClient accounts;
    private final SessionRegistry sessions;
    private final SessionAccess access;
    private final SessionOwnership ownership;
    private final Duration interval;
    private volatile List<SessionKey> lastStored = List.of();
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("session-sync").daemon().factory());

    public SessionSynchronizer(AccountsClient accounts, SessionRegistry sessions, SessionAccess access,
            SessionOwnership ownership, @Value("${aviary.trading.session-sync-interval:30s}") Duration interval) {
        this.ownership = ownership;
        this.accounts = accounts;
        this.sessions = sessions;
        this.access = access;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        worker.scheduleWithFixedDelay(this::syncAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        long check = ownership.checkInterval().toMillis();
        worker.scheduleWithFixedDelay(this::takeOrphans, check, check, TimeUnit.MILLISECONDS);
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
            ownership.announce();
            List<SessionKey> stored = List.copyOf(new HashSet<>(accounts.credentials()));
            lastStored = stored;
            for (SessionKey open : sessions.keys()) {
                if (!stored.contains(open)) {
                    access.remove(open);
                }
            }
            takeShare(stored);
            handOverSurplus(stored.size());
        } catch (AccountsUnavailableException e) {
            log.warn("Cannot compare sessions with stored credentials now ({}); retrying in {}", e.getMessage(), interval);
        } catch (RuntimeException e) {
            log.error("Session synchronisation failed; retrying in {}", interval, e);
        }
    }

    /** Sessions whose replica died (their lease expired) are taken without waiting for the next full comparison. */
    void takeOrphans() {
        try {
            ownership.announce();
            takeShare(lastStored);
        } catch (RuntimeException e) {
            log.warn("Looking for unowned sessions failed ({}); retrying in {}", e.toString(), ownership.checkInterval());
        }
    }

    /**
     * Opens the sessions this replica holds the lease of but has not open (an earlier open failed), then unowned
     * ones up to the fair share, starting at a place that differs per replica so replicas rarely race for one key.
     */
    private void takeShare(List<SessionKey> stored) {
        int share = ownership.fairShare(stored.size());
        int start = stored.isEmpty() ? 0 : Math.floorMod(ownership.hashCode() + (int) System.nanoTime(), stored.size());
        for (int i = 0; i < stored.size(); i++) {
            SessionKey key = stored.get((start + i) % stored.size());
            if (sessions.find(key).isPresent()) {
                continue;
            }
            if (ownership.held(key).isPresent() || ownership.ownedCount() < share) {
                reopen(key);
            }
        }
    }

    /** Above its share (another replica joined), this replica hands the surplus over; the others take it. */
    private void handOverSurplus(int storedCount) {
        int surplus = ownership.ownedCount() - ownership.fairShare(storedCount);
        for (SessionKey key : sessions.keys()) {
            if (surplus-- <= 0) {
                return;
            }
            log.info("Handing session {} over to another replica (rebalancing)", key);
            access.handOver(key);
        }
    }

    private void reopen(SessionKey key) {
        try {
            access.takeIfFree(key);
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
