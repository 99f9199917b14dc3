package io.aviary.kit.stream;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client of a {@link StreamSocket}: its subscriptions, its bounded {@link Outbox} and the one virtual thread
 * that sends from it (so sends never overlap and a slow client blocks only its own thread). The shared ticker polls
 * each due subscription, but only when its previous update has left: a client that reads slowly gets the latest
 * state when it is ready, never a growing backlog. A send stuck longer than the send timeout closes the connection
 * with 1008 and a reason; so does a full control queue.
 */
final class StreamConnection {

    private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);

    /** RFC 6455 policy violation: used for a stalled reader and for repeated bad input. */
    static final int POLICY = 1008;

    private final class Subscribed {
        final LiveStream stream;
        final long periodNanos;
        long dueNanos;
        boolean polling;

        Subscribed(LiveStream stream, long periodNanos, long now) {
            this.stream = stream;
            this.periodNanos = periodNanos;
            this.dueNanos = now;
        }
    }

    private final String id;
    private final WebSocketSession session;
    private final StreamLimits settings;
    private final String name;
    private final JsonMapper json;
    private final Executor pollers;
    private final Outbox<String, Outgoing> outbox;
    private final Map<String, Subscribed> subscriptions = new LinkedHashMap<>(); // guarded by this
    private final AtomicLong coalesced = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final long heartbeatNanos;
    private long nextHeartbeat; // guarded by this
    private int errors; // guarded by this
    private volatile long sendingSince; // System.nanoTime() when the current send started; 0 while idle
    private volatile CloseStatus closedWith;

    StreamConnection(String name, String id, WebSocketSession session, StreamLimits settings, JsonMapper json,
            Executor pollers) {
        this.name = name;
        this.pollers = pollers;
        this.id = id;
        this.session = session;
        this.settings = settings;
        this.json = json;
        this.outbox = new Outbox<>(settings.controlQueue());
        this.heartbeatNanos = settings.heartbeat().toNanos();
        this.nextHeartbeat = System.nanoTime() + heartbeatNanos;
    }

    String id() {
        return id;
    }

    void start() {
        Thread.ofVirtual().name("ws-" + name + "-send-" + id).start(this::pump);
    }

    /** Queues a reply or an error; a client so far behind that the control queue is full is closed. */
    void reply(Outgoing message) {
        if (!outbox.offerControl(message)) {
            close(new CloseStatus(POLICY, "consumer too slow: " + settings.controlQueue() + " replies unread"));
        }
    }

    /** Replies with an error; the {@code maxErrors}-th error of the connection closes it instead. */
    synchronized void error(String message) {
        errors++;
        if (errors > settings.maxErrors()) {
            close(new CloseStatus(POLICY, "too many invalid messages (" + errors + ")"));
            return;
        }
        reply(Outgoing.error(message));
    }

    synchronized int subscriptionCount() {
        return subscriptions.size();
    }

    synchronized boolean subscribed(String subscriptionId) {
        return subscriptions.containsKey(subscriptionId);
    }

    /** Adds (or replaces) a subscription and confirms it; its first update follows on the next tick. */
    synchronized void subscribe(LiveStream stream, long periodNanos) {
        if (closedWith != null) {
            stream.close();
            return;
        }
        Subscribed old = subscriptions.put(stream.id(), new Subscribed(stream, periodNanos, System.nanoTime()));
        if (old != null) {
            outbox.discard(stream.id());
            old.stream.close();
        }
        reply(Outgoing.control("subscribed", "subscription_id", stream.id()));
    }

    /** Removes a subscription, its pending update with it; false when there was none. */
    synchronized boolean unsubscribe(String subscriptionId) {
        Subscribed sub = subscriptions.remove(subscriptionId);
        if (sub == null) {
            return false;
        }
        outbox.discard(subscriptionId);
        sub.stream.close();
        reply(Outgoing.control("unsubscribed", "subscription_id", subscriptionId));
        return true;
    }

    /** Called by the shared ticker: stall check, due subscriptions, heartbeat. */
    synchronized void tick(long now) {
        if (closedWith != null) {
            return;
        }
        long since = sendingSince;
        if (since != 0 && now - since > settings.sendTimeout().toNanos()) {
            close(new CloseStatus(POLICY, "consumer too slow: a message waited over "
                    + settings.sendTimeout().toSeconds() + " s to be sent"));
            return;
        }
        for (Subscribed sub : subscriptions.values()) {
            if (now - sub.dueNanos < 0 || sub.polling) {
                continue;
            }
            sub.dueNanos = now + sub.periodNanos;
            if (outbox.pending(sub.stream.id())) {
                coalesced.incrementAndGet(); // the client has not taken the last one yet: it gets the latest later
                continue;
            }
            sub.polling = true; // a poll may read a database: off the shared ticker, one at a time per subscription
            pollers.execute(() -> poll(sub));
        }
        if (now - nextHeartbeat >= 0) {
            nextHeartbeat = now + heartbeatNanos;
            reply(Outgoing.control("heartbeat"));
        }
    }

    /** Polls one subscription and queues its update, unless it was unsubscribed or replaced meanwhile. */
    private void poll(Subscribed sub) {
        Optional<Map<String, Object>> update = Optional.empty();
        try {
            update = sub.stream.poll();
        } catch (RuntimeException e) {
            log.warn("WebSocket {}: polling {} failed: {}", id, sub.stream.id(), e.toString());
        }
        synchronized (this) {
            sub.polling = false;
            if (closedWith == null && subscriptions.get(sub.stream.id()) == sub) {
                update.ifPresent(u -> outbox.offerLatest(sub.stream.id(), Outgoing.update(sub.stream.id(), u)));
            }
        }
    }

    /** Sends from the outbox until the connection closes; a failed or timed-out send closes it. */
    private void pump() {
        try {
            while (closedWith == null) {
                Outgoing next = outbox.take(1, TimeUnit.SECONDS);
                if (next == null || closedWith != null) {
                    continue;
                }
                TextMessage text = new TextMessage(json.writeValueAsString(next.body()));
                sendingSince = System.nanoTime() | 1;
                session.sendMessage(text);
                sendingSince = 0;
                sent.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            close(new CloseStatus(POLICY, "consumer too slow or gone: sending failed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes once: releases every stream (and so its feeds) at once, then closes the socket off the caller's thread,
     * since closing a socket whose reader stalled may itself wait for the send timeout.
     */
    void close(CloseStatus status) {
        Map<String, Subscribed> released;
        synchronized (this) {
            if (closedWith != null) {
                return;
            }
            closedWith = status;
            released = new LinkedHashMap<>(subscriptions);
            subscriptions.clear();
        }
        released.values().forEach(s -> s.stream.close());
        if (status.getCode() != CloseStatus.NORMAL.getCode() || status.getReason() != null) {
            log.info("WebSocket {} closed: {} {}", id, status.getCode(), status.getReason());
        }
        Thread.ofVirtual().name("ws-" + name + "-close-" + id).start(() -> {
            try {
                if (session.isOpen()) {
                    session.close(status);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("WebSocket {}: close failed: {}", id, e.toString());
            }
        });
    }

    /** What a test or an operator sees of this connection. */
    synchronized StreamStats stats() {
        return new StreamStats(id, subscriptions.size(), outbox.size(), coalesced.get() + outbox.replaced(), sent.get(),
                closedWith == null ? 0 : closedWith.getCode(), closedWith == null ? null : closedWith.getReason());
    }
}
