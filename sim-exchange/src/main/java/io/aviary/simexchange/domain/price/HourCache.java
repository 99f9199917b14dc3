package io.aviary.simexchange.domain.price;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Hour bars computed so far, in chunks of 256 hours, least recently used chunks dropped beyond a
 * bound. Coarse candles (1h … 1M) are merges of hour bars, so after the first request for a
 * range, any coarse interval over it costs a few array reads per candle.
 */
final class HourCache {

    private static final int CHUNK_BITS = 8;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final Map<Long, CandleBar[]> chunks;

    HourCache(int maxChunks) {
        this.chunks = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, CandleBar[]> eldest) {
                return size() > maxChunks;
            }
        };
    }

    CandleBar get(long hour, LongFunction<CandleBar> compute) {
        CandleBar[] chunk;
        synchronized (chunks) {
            chunk = chunks.computeIfAbsent(hour >> CHUNK_BITS, k -> new CandleBar[CHUNK]);
        }
        int i = (int) (hour & (CHUNK - 1));
        CandleBar bar = chunk[i];
        if (bar == null) {
            // two threads may compute the same hour; the results are identical and immutable
            bar = compute.apply(hour);
            chunk[i] = bar;
        }
        return bar;
    }
}
