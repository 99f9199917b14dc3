package io.aviary.marketdata.app;

import io.aviary.marketdata.domain.TimeRanges;
import io.aviary.marketdata.domain.TimeRanges.Range;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A venue history fetched once per range and then answered from the database (candles, funding rates): for a wanted
 * range, only the gaps the store has not covered yet are fetched, one series at a time, so a concurrent request for
 * the same series waits and then finds the range covered instead of fetching it again.
 *
 * @param <K> the series key
 */
final class FetchedOnce<K> {
    private final ConcurrentHashMap<K, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final BiFunction<K, Range, List<Range>> coverage;

    /** @param coverage what the store already covers of a range, per series */
    FetchedOnce(BiFunction<K, Range, List<Range>> coverage) {
        this.coverage = coverage;
    }

    /** Calls {@code fetchGap} for each part of {@code [from, to)} not covered yet (nothing when the range is empty). */
    void ensure(K key, long from, long to, Consumer<Range> fetchGap) {
        if (to <= from) {
            return;
        }
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            Range wanted = new Range(from, to);
            for (Range gap : TimeRanges.missing(wanted, coverage.apply(key, wanted))) {
                fetchGap.accept(gap);
            }
        } finally {
            lock.unlock();
        }
    }
}
