package io.aviary.marketdata.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recent candles of a live feed, newest included (the one in progress), at most
 * {@code capacity}; older ones fall off. One candle per open time: a later value replaces an
 * earlier one, which is how a trade-built candle gives way to the venue's own once it closed.
 * Thread-safe.
 */
public final class CandleWindow {

    private final TreeMap<Long, CandleBar> candles = new TreeMap<>();
    private int capacity;

    public CandleWindow(int capacity) {
        this.capacity = requirePositive(capacity);
    }

    public synchronized int capacity() {
        return capacity;
    }

    public synchronized void growTo(int newCapacity) {
        capacity = Math.max(capacity, requirePositive(newCapacity));
    }

    public synchronized void put(CandleBar candle) {
        candles.put(candle.timestamp(), candle);
        trim();
    }

    public synchronized void putAll(Collection<CandleBar> bars) {
        bars.forEach(c -> candles.put(c.timestamp(), c));
        trim();
    }

    /** The last {@code n} candles, oldest first. */
    public synchronized List<CandleBar> tail(int n) {
        List<CandleBar> out = new ArrayList<>(Math.min(n, candles.size()));
        int skip = Math.max(0, candles.size() - n);
        for (CandleBar c : candles.values()) {
            if (skip-- <= 0) {
                out.add(c);
            }
        }
        return out;
    }

    public synchronized Optional<CandleBar> newest() {
        Map.Entry<Long, CandleBar> last = candles.lastEntry();
        return last == null ? Optional.empty() : Optional.of(last.getValue());
    }

    public synchronized Optional<CandleBar> oldest() {
        Map.Entry<Long, CandleBar> first = candles.firstEntry();
        return first == null ? Optional.empty() : Optional.of(first.getValue());
    }

    public synchronized int size() {
        return candles.size();
    }

    private void trim() {
        while (candles.size() > capacity) {
            candles.pollFirstEntry();
        }
    }

    private static int requirePositive(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + n);
        }
        return n;
    }
}
