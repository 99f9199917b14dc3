package io.aviary.trading.app.session;

import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.OwnedElsewhere;
import io.aviary.kit.failure.Unavailable;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.infra.AccountsClient;
import io.aviary.trading.infra.AccountsClient.AccountsUnavailableException;
import io.aviary.trading.infra.AccountsClient.StoredCredential;
import io.aviary.trading.infra.PositionRepository;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one way sessions are opened, replaced and closed, so that what the vault says is what trading does.
 *
 * <p>Every trading call asks the vault for the credential's revision (one indexed read in accounts-service, no
 * secret) before it uses a session: a credential added a moment ago is opened on demand, a replaced one is
 * re-opened with its new fields, and a deleted credential or account is refused and its session closed — so an
 * answer of {@code add-credential} or {@code delete-credential} holds for the very next trading call, whatever
 * the events are doing. Events and the periodic comparison still keep sessions open for the background work
 * (reconciliation, balances, streams). When accounts-service cannot be asked, a session that is already open
 * keeps trading (availability over a revocation that may not have happened), and opening a new one is a 503.
 *
 * <p>Opening talks to the venue, so it happens under a lock per session only (never a global one), and only for
 * credentials the vault confirmed exist: input naming unknown accounts cannot grow the lock table.
 *
 * <p>With several replicas a session is opened only under its lease ({@link SessionOwnership}, ADR 0026): a call for
 * a session another replica runs is refused with {@code OwnedElsewhere} (421, nothing done; the gateway tries the next
 * replica), an unowned session is taken on demand, and a session whose lease is lost is closed at once.
 */
@Service
public class SessionAccess {

    private static final Logger log = LoggerFactory.getLogger(SessionAccess.class);

    private final AccountsClient accounts;
    private final SessionRegistry sessions;
    private final SessionJobs jobs;
    private final SessionStreamListeners listeners;
    private final PositionRepository positions;
    private final BalanceChanges balanceChanges;
    private final SessionOwnership ownership;
    private final Map<SessionKey, ReentrantLock> locks = new ConcurrentHashMap<>();

    public SessionAccess(AccountsClient accounts, SessionRegistry sessions, SessionJobs jobs,
            SessionStreamListeners listeners, PositionRepository positions, BalanceChanges balanceChanges,
            SessionOwnership ownership) {
        this.ownership = ownership;
        this.accounts = accounts;
        this.sessions = sessions;
        this.jobs = jobs;
        this.listeners = listeners;
        this.positions = positions;
        this.balanceChanges = balanceChanges;
    }

    /**
     * The session a trading call may use now: open, and from the credential revision the vault holds.
     *
     * @throws NotFound when the account or its credential does not exist (any open session is closed),
     *         Unavailable when accounts-service cannot be asked and no session is open
     */
    public LiveSession current(SessionKey key) {
        Optional<Long> revision;
        try {
            revision = accounts.revision(key);
        } catch (AccountsUnavailableException e) {
            return sessions.find(key).filter(s -> ownership.held(key).isPresent()).orElseThrow(() -> vaultUnavailable(key));
        }
        if (revision.isEmpty()) {
            if (sessions.find(key).isPresent()) {
                remove(key);
            }
            throw sessions.missing(key);
        }
        Optional<LiveSession> open = sessions.find(key).filter(s -> s.credentialRevision() == revision.get());
        if (open.isPresent() && ownership.held(key).filter(ownership::confirm).isPresent()) {
            return open.get();
        }
        try {
            return refresh(key, revision.get()).orElseThrow(() -> sessions.missing(key));
        } catch (AccountsUnavailableException e) {
            throw vaultUnavailable(key);
        }
    }

    /** Whether this replica runs the session now: open here and under this replica's lease. */
    public boolean runsHere(SessionKey key) {
        return sessions.find(key).isPresent() && ownership.held(key).isPresent();
    }

    private static Unavailable vaultUnavailable(SessionKey key) {
        return new Unavailable("accounts-service unavailable: cannot open the session of account '"
                + key.accountName() + "' on " + key.connectorName() + " now; retry shortly");
    }

    /**
     * Makes the session match the stored credential: opens it, re-opens it when the credential was replaced, or
     * closes it when the credential is gone. Failures to reach the venue propagate; the caller decides whether
     * to retry.
     *
     * @return the open session, or empty when the credential is gone
     * @throws AccountsUnavailableException when the vault cannot be asked
     */
    public Optional<LiveSession> refresh(SessionKey key) {
        return refresh(key, Long.MAX_VALUE);
    }

    /**
     * Under the session's lock: when a concurrent caller (the credential event, an earlier request) already
     * opened revision {@code knownRevision} or newer, that session is the answer and the vault is not asked again.
     */
    private Optional<LiveSession> refresh(SessionKey key, long knownRevision) {
        return underLock(key, () -> {
            Optional<LiveSession> open = sessions.find(key);
            if (open.isPresent() && open.get().credentialRevision() >= knownRevision && ownership.held(key).isPresent()) {
                return open;
            }
            Optional<StoredCredential> stored = accounts.credential(key);
            if (stored.isEmpty()) {
                closeAndForget(key);
                return Optional.empty();
            }
            return Optional.of(openUnlessCurrent(key, stored.get()));
        });
    }

    private LiveSession openUnlessCurrent(SessionKey key, StoredCredential credential) {
        if (ownership.claim(key, lease -> lost(key)).isEmpty()) {
            closeHere(key); // a session left open after its lease lapsed must not run next to the new owner's
            throw ownership.elsewhere(key);
        }
        Optional<LiveSession> open = sessions.find(key);
        if (open.isPresent() && open.get().credentialRevision() >= credential.revision()) {
            return open.get(); // a concurrent caller opened it (or a newer revision) while we waited
        }
        LiveSession session = sessions.open(key, credential.fields(), credential.revision(), listeners.forSession(key));
        jobs.sessionOpened(key);
        return session;
    }

    /**
     * For the synchronizer: opens the session when its lease is free (or already this replica's); false, and
     * nothing done, when another replica runs it.
     */
    public boolean takeIfFree(SessionKey key) {
        if (ownership.held(key).isEmpty() && ownership.owned(key)) {
            return false;
        }
        try {
            return refresh(key).isPresent();
        } catch (OwnedElsewhere e) {
            return false; // another replica took it a moment earlier
        }
    }

    /** Closes the session here and gives its lease up, so another replica takes it (rebalancing, shutdown). */
    public void handOver(SessionKey key) {
        underLock(key, () -> {
            closeHere(key);
            ownership.release(key);
            return null;
        });
    }

    /**
     * The lease was lost (taken over, or not renewable for its time to live): stop at once. The close runs off the
     * renewal thread and without waiting for the session's lock, so no slow venue call can delay it; the stored
     * positions stay, they belong to the session wherever it runs.
     */
    private void lost(SessionKey key) {
        Thread.ofVirtual().name("session-lost").start(() -> {
            if (ownership.held(key).isEmpty()) { // not re-taken meanwhile
                log.warn("Session {} closed here: its lease was lost, another replica may run it now", key);
                closeHere(key);
            }
        });
    }

    private void closeHere(SessionKey key) {
        sessions.close(key);
        balanceChanges.forget(key);
    }

    /** The credential or its account was removed: close the session and forget its positions. */
    public void remove(SessionKey key) {
        ReentrantLock lock = locks.remove(key);
        if (lock == null) {
            closeAndForget(key);
            return;
        }
        lock.lock(); // an open in progress finishes first, then is closed
        try {
            closeAndForget(key);
        } finally {
            lock.unlock();
        }
    }

    private void closeAndForget(SessionKey key) {
        sessions.close(key);
        ownership.release(key);
        positions.deleteSession(key);
        balanceChanges.forget(key);
        log.debug("Session {} removed", key);
    }

    /** A graceful stop hands every session over at once instead of after its lease's time to live. */
    @PreDestroy
    void handOverAll() {
        sessions.keys().forEach(key -> {
            sessions.close(key);
            ownership.release(key);
        });
    }

    private <T> T underLock(SessionKey key, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
