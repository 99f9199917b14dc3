package io.aviary.connectors.sim;

import io.aviary.connectors.model.OrderBookDiff;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.port.OrderBookListener;

/**
 * Keeps one listener's book consistent: a snapshot starts it, then only contiguous diffs pass
 * ({@code firstSequence == last + 1}); stale diffs are dropped; a gap stops the flow and asks for a
 * resync, after which the next snapshot restarts it. Thread-safe (messages of one connection arrive
 * in order, but a resync may race with them).
 */
final class BookSync {

    private final OrderBookListener listener;
    private boolean live;
    private long lastSequence;

    BookSync(OrderBookListener listener) {
        this.listener = listener;
    }

    synchronized void onSnapshot(OrderBookSnapshot snapshot) {
        lastSequence = snapshot.sequence();
        live = true;
        listener.onSnapshot(snapshot);
    }

    /** @return false when the diff revealed a gap and the book must be resynchronised */
    synchronized boolean onDiff(OrderBookDiff diff) {
        if (!live || diff.lastSequence() <= lastSequence) {
            return true;
        }
        if (diff.firstSequence() != lastSequence + 1) {
            live = false;
            return false;
        }
        lastSequence = diff.lastSequence();
        listener.onDiff(diff);
        return true;
    }

    /** The connection dropped: wait for the snapshot that follows the reconnect. */
    synchronized void onDisconnect(Throwable cause) {
        live = false;
        listener.onDisconnect(cause);
    }

    synchronized boolean isLive() {
        return live;
    }
}
