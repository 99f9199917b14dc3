package io.aviary.marketdata.domain;

import io.aviary.connectors.model.OrderBookDiff;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.TradingPair;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A live book kept from a snapshot and sequenced diffs. It checks the sequence itself rather than
 * trusting the connector: a diff is applied only when its {@code firstSequence} follows the last
 * applied one; a diff wholly at or before the book's sequence is stale and ignored; anything else
 * is a gap, after which the book refuses diffs (and reads) until the next snapshot. Thread-safe;
 * readers get an immutable {@link BookView} rebuilt at most once per change.
 */
public final class LocalOrderBook {

    /** What happened to a diff. */
    public enum DiffOutcome { APPLIED, STALE, GAP, AWAITING_SNAPSHOT }

    private final TradingPair pair;
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private boolean synced;
    private long sequence;
    private Instant timestamp = Instant.EPOCH;
    private long gaps;
    private BookView view;

    public LocalOrderBook(TradingPair pair) {
        this.pair = pair;
    }

    public synchronized void applySnapshot(OrderBookSnapshot snapshot) {
        bids.clear();
        asks.clear();
        put(bids, snapshot.bids());
        put(asks, snapshot.asks());
        sequence = snapshot.sequence();
        timestamp = snapshot.timestamp();
        synced = true;
        view = null;
    }

    public synchronized DiffOutcome applyDiff(OrderBookDiff diff) {
        if (!synced) {
            return DiffOutcome.AWAITING_SNAPSHOT;
        }
        if (diff.lastSequence() <= sequence) {
            return DiffOutcome.STALE;
        }
        if (diff.firstSequence() != sequence + 1) {
            synced = false;
            gaps++;
            return DiffOutcome.GAP;
        }
        put(bids, diff.bids());
        put(asks, diff.asks());
        sequence = diff.lastSequence();
        timestamp = diff.timestamp();
        view = null;
        return DiffOutcome.APPLIED;
    }

    /** The stream broke: wait for the snapshot that follows the reconnect. */
    public synchronized void markUnsynced() {
        synced = false;
    }

    public synchronized boolean isSynced() {
        return synced;
    }

    public synchronized long sequence() {
        return sequence;
    }

    /** How many gaps this book has seen (each one forced a resync). */
    public synchronized long gaps() {
        return gaps;
    }

    /** The current book; only meaningful while {@link #isSynced()}. */
    public synchronized BookView view() {
        if (view == null) {
            view = BookView.of(pair, sequence, timestamp, levels(bids), levels(asks));
        }
        return view;
    }

    private static void put(TreeMap<BigDecimal, BigDecimal> side, List<PriceLevel> levels) {
        for (PriceLevel level : levels) {
            if (level.amount().signum() == 0) {
                side.remove(level.price());
            } else {
                side.put(level.price(), level.amount());
            }
        }
    }

    private static List<PriceLevel> levels(Map<BigDecimal, BigDecimal> side) {
        return side.entrySet().stream().map(e -> new PriceLevel(e.getKey(), e.getValue())).toList();
    }
}
