package io.aviary.trading.app.session;

import io.aviary.kit.failure.OwnedElsewhere;
import io.aviary.kit.ownership.Lease;
import io.aviary.kit.ownership.LeaseListener;
import io.aviary.kit.ownership.LeaseOwner;
import io.aviary.kit.ownership.Leases;
import io.aviary.trading.domain.SessionKey;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which replica of trading-service runs which session (ADR 0026): a session is opened only under its lease
 * {@code trading-session/<account>/<connector>}, so however many replicas run, one of them at a time talks to the
 * venue for that session. Each replica also holds a membership lease {@code trading-replica/<id>}; the live
 * members decide the fair share of sessions a replica takes of its own accord ({@link #fairShare}).
 */
@Component
public class SessionOwnership {

    private static final Logger log = LoggerFactory.getLogger(SessionOwnership.class);

    static final String SESSIONS = "trading-session/";
    static final String MEMBERS = "trading-replica/";

    private final Leases leases;

    public SessionOwnership(Leases leases) {
        this.leases = leases;
    }

    /** How often unowned sessions are looked for: a third of the lease time to live. */
    Duration checkInterval() {
        return leases.ttl().dividedBy(3);
    }

    /** Keeps this replica counted among the live ones (re-taken at the next check when it ever lapsed). */
    void announce() {
        leases.tryAcquire(MEMBERS + leases.ownerId(), lease -> log.warn("Replica membership lapsed; renewing it"));
    }

    /** The session's lease, taken when free; empty when another replica holds it. */
    Optional<Lease> claim(SessionKey key, LeaseListener listener) {
        return leases.tryAcquire(name(key), listener);
    }

    /** The lease of a session this replica holds, while it is valid. */
    Optional<Lease> held(SessionKey key) {
        return leases.held(name(key));
    }

    /** Fencing right before acting on the venue: the table still names this replica with this lease's epoch. */
    boolean confirm(Lease lease) {
        return leases.confirm(lease);
    }

    void release(SessionKey key) {
        leases.held(name(key)).ifPresent(leases::release);
    }

    int ownedCount() {
        return leases.heldNames(SESSIONS).size();
    }

    /** The sessions a replica takes by itself: an equal part of {@code sessions} over the live replicas, rounded up. */
    int fairShare(int sessions) {
        int members = Math.max(1, leases.countLive(MEMBERS));
        return (sessions + members - 1) / members;
    }

    /** Whether any replica holds the session's lease now. */
    boolean owned(SessionKey key) {
        return leases.owner(name(key)).isPresent();
    }

    /** The answer for a request that needs a session another replica runs. */
    OwnedElsewhere elsewhere(SessionKey key) {
        String owner = leases.owner(name(key)).map(LeaseOwner::ownerId).orElse("another replica");
        return new OwnedElsewhere("The session of account '" + key.accountName() + "' on " + key.connectorName()
                + " runs on replica " + owner + "; send the request there or retry shortly");
    }

    private static String name(SessionKey key) {
        return SESSIONS + key.accountName() + "/" + key.connectorName();
    }
}
