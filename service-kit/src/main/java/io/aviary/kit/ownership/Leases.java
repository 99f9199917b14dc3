package io.aviary.kit.ownership;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One owner at a time for named pieces of stateful work, on the service's own {@code ownership_lease} table
 * (ADR 0026). A lease is taken when it is free or expired (by the database's clock) and every take-over increments
 * its epoch; the holder renews all its leases every {@code renewEvery} in one statement. When a renewal finds a lease
 * taken over, or renewals fail until the lease's time to live has passed on this replica's own monotonic clock
 * (measured from before the last successful renewal was sent, so it ends before the database lets anyone else
 * take it), the lease ends and its listener hears {@link LeaseListener#lost}. A replica killed without releasing
 * (SIGKILL) is replaced after at most {@code ttl} plus the taker's own polling period.
 */
public final class Leases implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    private static final String ACQUIRE = """
            INSERT INTO ownership_lease AS l (name, owner_id, epoch, acquired_at, expires_at)
            VALUES (?, ?, 1, now(), now() + make_interval(secs => ?))
            ON CONFLICT (name) DO UPDATE SET owner_id = EXCLUDED.owner_id, epoch = l.epoch + 1,
                acquired_at = now(), expires_at = EXCLUDED.expires_at
            WHERE l.expires_at <= now() OR l.owner_id = EXCLUDED.owner_id
            RETURNING epoch""";
    private static final String RENEW = """
            UPDATE ownership_lease l SET expires_at = now() + make_interval(secs => ?)
            FROM unnest(?::text[], ?::bigint[]) AS held(name, epoch)
            WHERE l.name = held.name AND l.epoch = held.epoch AND l.owner_id = ? AND l.expires_at > now()
            RETURNING l.name""";

    private final JdbcTemplate jdbc;
    private final String ownerId;
    private final Duration ttl;
    private final Map<String, Lease> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("lease-renewal").daemon().factory());

    /**
     * @param ownerId    this replica, unique among the running ones (written to the table)
     * @param ttl        how long a lease outlives its owner's last renewal
     * @param renewEvery how often leases are renewed; well below {@code ttl}, so one or two failed renewals cost nothing
     */
    public Leases(JdbcTemplate jdbc, String ownerId, Duration ttl, Duration renewEvery) {
        if (renewEvery.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("lease renewal (" + renewEvery + ") must be shorter than its time to live (" + ttl + ")");
        }
        this.jdbc = jdbc;
        this.ownerId = ownerId;
        this.ttl = ttl;
        renewer.scheduleWithFixedDelay(this::renewAll, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String ownerId() {
        return ownerId;
    }

    public Duration ttl() {
        return ttl;
    }

    /**
     * Takes the lease when nobody holds it, its holder let it expire, or this replica holds it already (then the
     * lease it holds is the answer). The listener hears {@code acquired} before this returns.
     *
     * @return empty when another replica holds it
     * @throws DataAccessException when the database cannot be asked
     */
    public Optional<Lease> tryAcquire(String name, LeaseListener listener) {
        Lease current = held.get(name);
        if (current != null && current.isValid()) {
            return Optional.of(current);
        }
        long sentAt = System.nanoTime();
        List<Long> epoch = jdbc.queryForList(ACQUIRE, Long.class, name, ownerId, seconds(ttl));
        if (epoch.isEmpty()) {
            return Optional.empty();
        }
        Lease lease = new Lease(name, epoch.getFirst(), listener, sentAt + ttl.toNanos());
        Lease previous = held.put(name, lease);
        if (previous != null) {
            end(previous, true);
        }
        log.info("Lease {} acquired (epoch {})", name, lease.epoch());
        listener.acquired(lease);
        return Optional.of(lease);
    }

    /** Gives the lease up at once (no {@code lost} callback), so another replica can take it without waiting. */
    public void release(Lease lease) {
        if (held.remove(lease.name(), lease)) {
            lease.end();
            try {
                jdbc.update("DELETE FROM ownership_lease WHERE name = ? AND owner_id = ? AND epoch = ?",
                        lease.name(), ownerId, lease.epoch());
            } catch (DataAccessException e) {
                log.warn("Lease {} released locally; the table keeps it until it expires ({})", lease.name(), e.getMessage());
            }
        }
    }

    /** The lease this replica holds under {@code name}, while valid. */
    public Optional<Lease> held(String name) {
        return Optional.ofNullable(held.get(name)).filter(Lease::isValid);
    }

    /** The names of the valid leases this replica holds whose name starts with {@code prefix}. */
    public Set<String> heldNames(String prefix) {
        Set<String> names = new HashSet<>();
        held.values().stream().filter(Lease::isValid).map(Lease::name).filter(n -> n.startsWith(prefix)).forEach(names::add);
        return names;
    }

    /** Who holds {@code name} according to the table; empty when nobody does or the holder let it expire. */
    public Optional<LeaseOwner> owner(String name) {
        return jdbc.query("SELECT owner_id, epoch, expires_at FROM ownership_lease WHERE name = ? AND expires_at > now()",
                (rs, i) -> new LeaseOwner(name, rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()), name)
                .stream().findFirst();
    }

    /** How many unexpired leases, whoever holds them, have a name starting with {@code prefix}. */
    public int countLive(String prefix) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM ownership_lease WHERE starts_with(name, ?) AND expires_at > now()",
                Integer.class, prefix);
        return count == null ? 0 : count;
    }

    /**
     * Fencing against the table itself, for a write that must not happen after a take-over even by a moment: true
     * when the table still names this replica with this epoch and the lease has not expired.
     */
    public boolean confirm(Lease lease) {
        return lease.isValid() && !jdbc.queryForList(
                "SELECT 1 FROM ownership_lease WHERE name = ? AND owner_id = ? AND epoch = ? AND expires_at > now()",
                Integer.class, lease.name(), ownerId, lease.epoch()).isEmpty();
    }

    /** Renews every held lease in one statement; those the table no longer gives this replica are lost. */
    void renewAll() {
        List<Lease> leases = held.values().stream().toList();
        if (leases.isEmpty()) {
            return;
        }
        long sentAt = System.nanoTime();
        Set<String> renewed;
        try {
            renewed = renew(leases);
        } catch (RuntimeException e) {
            log.warn("Cannot renew {} lease(s) now ({}); they end {} after their last renewal", leases.size(), e.getMessage(), ttl);
            leases.stream().filter(l -> l.expiredLocally(System.nanoTime())).forEach(l -> end(l, false));
            return;
        }
        for (Lease lease : leases) {
            if (renewed.contains(lease.name())) {
                lease.extendUntil(sentAt + ttl.toNanos());
            } else {
                end(lease, false);
            }
        }
    }

    private Set<String> renew(Collection<Lease> leases) {
        String[] names = leases.stream().map(Lease::name).toArray(String[]::new);
        Long[] epochs = leases.stream().map(Lease::epoch).toArray(Long[]::new);
        return jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RENEW)) {
                statement.setDouble(1, seconds(ttl));
                statement.setArray(2, connection.createArrayOf("text", names));
                statement.setArray(3, connection.createArrayOf("bigint", epochs));
                statement.setString(4, ownerId);
                Set<String> renewed = new HashSet<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        renewed.add(rs.getString(1));
                    }
                }
                return renewed;
            }
        });
    }

    private void end(Lease lease, boolean replaced) {
        held.remove(lease.name(), lease);
        if (lease.end() && !replaced) {
            log.warn("Lease {} (epoch {}) lost: another replica may hold it now", lease.name(), lease.epoch());
            try {
                lease.listener().lost(lease);
            } catch (RuntimeException e) {
                log.error("Listener of lease {} failed on loss", lease.name(), e);
            }
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** Stops renewing; the leases expire in the table within their time to live (a graceful stop releases its own first). */
    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
