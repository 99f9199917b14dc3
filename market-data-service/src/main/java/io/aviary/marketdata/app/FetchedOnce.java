package io.aviary.marketdata.app;

import io.aviary.kit.ownership.Lease;
import io.aviary.kit.ownership.Leases;
import io.aviary.marketdata.domain.TimeRanges;
import io.aviary.marketdata.domain.TimeRanges.Range;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A venue history fetched once per range and then answered from the database (candles, funding rates): for a wanted
 * range, only the gaps the store has not covered yet are fetched, one series at a time, so a concurrent request for
 * the same series waits and then finds the range covered instead of fetching it again. "One at a time" holds across
 * replicas too (ADR 0030): a gap is fetched only under the series' lease {@code <kind>/<series>}; a replica that finds
 * the lease held elsewhere waits until it is released (or expires with a dead holder) and then reads the coverage
 * again. A range already covered costs no lease at all.
 *
 * @param <K> the series key
 */
final class FetchedOnce<K> {

    /** How often a replica waiting for another's fetch of the same series asks for the lease again. */
    private static final long WAIT_MILLIS = 100;

    private final ConcurrentHashMap<K, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final BiFunction<K, Range, List<Range>> coverage;
    private final Leases leases;
    private final String kind;

    /**
     * @param kind     the lease name prefix of this history, e.g. {@code market-data-candles}
     * @param coverage what the store already covers of a range, per series
     */
    FetchedOnce(String kind, BiFunction<K, Range, List<Range>> coverage, Leases leases) {
        this.kind = kind;
        this.coverage = coverage;
        this.leases = leases;
    }

    /** Calls {@code fetchGap} for each part of {@code [from, to)} not covered yet (nothing when the range is empty). */
    void ensure(K key, long from, long to, Consumer<Range> fetchGap) {
        if (to <= from) {
            return;
        }
        Range wanted = new Range(from, to);
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            if (missing(key, wanted).isEmpty()) {
                return;
            }
            Lease lease = awaitLease(key);
            try {
                for (Range gap : missing(key, wanted)) {
                    fetchGap.accept(gap);
                }
            } finally {
                leases.release(lease);
            }
        } finally {
            lock.unlock();
        }
    }

    private List<Range> missing(K key, Range wanted) {
        return TimeRanges.missing(wanted, coverage.apply(key, wanted));
    }

    /** The series' lease, once no other replica fetches it (its fetch ends, or its lease expires when it died). */
    private Lease awaitLease(K key) {
        String name = kind + "/" + key;
        while (true) {
            // a lost lease only means another replica may fetch the same gap too: the store keeps one row per candle
            Optional<Lease> lease = leases.tryAcquire(name, l -> { });
            if (lease.isPresent()) {
                return lease.get();
            }
            try {
                Thread.sleep(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while another replica fetched " + name, e);
            }
        }
    }
}
