package io.aviary.kit.stream;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bounded outbound queue of one WebSocket connection. Control messages (replies, errors, heartbeats) queue in
 * order up to {@code controlCapacity}; stream updates keep at most one pending message per stream, a newer one
 * replacing the older (latest wins). So however slowly the client reads, the queue never holds more than
 * {@code controlCapacity} + one message per subscription. Control messages go first: a reply to a subscribe leaves
 * before any update of that stream, which can only be queued once the stream exists. Thread-safe.
 */
public final class Outbox<K, M> {

    private final int controlCapacity;
    private final ArrayDeque<M> control = new ArrayDeque<>();
    private final LinkedHashMap<K, M> latest = new LinkedHashMap<>();
    private long replaced;

    public Outbox(int controlCapacity) {
        this.controlCapacity = controlCapacity;
    }

    /** Queues a control message; false when the control queue is full (the reader is hopelessly behind). */
    public synchronized boolean offerControl(M message) {
        if (control.size() >= controlCapacity) {
            return false;
        }
        control.addLast(message);
        notifyAll();
        return true;
    }

    /** Queues the update of stream {@code key}, replacing its pending one if any. */
    public synchronized void offerLatest(K key, M message) {
        if (latest.put(key, message) != null) {
            replaced++;
        }
        notifyAll();
    }

    /** Whether stream {@code key} still has an update waiting to be sent. */
    public synchronized boolean pending(K key) {
        return latest.containsKey(key);
    }

    /** Drops the pending update of {@code key} (its stream was unsubscribed). */
    public synchronized void discard(K key) {
        latest.remove(key);
    }

    /** The next message: control first, then stream updates oldest first; null when none came within the wait. */
    public synchronized M take(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (control.isEmpty() && latest.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (!control.isEmpty()) {
            return control.removeFirst();
        }
        Iterator<Map.Entry<K, M>> first = latest.entrySet().iterator();
        M message = first.next().getValue();
        first.remove();
        return message;
    }

    /** Messages waiting now. */
    public synchronized int size() {
        return control.size() + latest.size();
    }

    /** How many pending updates were replaced by a newer one before they could be sent. */
    public synchronized long replaced() {
        return replaced;
    }
}
