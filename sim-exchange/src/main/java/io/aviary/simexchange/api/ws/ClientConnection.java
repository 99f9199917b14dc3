package io.aviary.simexchange.api.ws;

import io.aviary.simexchange.app.Principal;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One WebSocket client. Messages are queued (never written on the venue's command thread) and sent
 * by the connection's own virtual thread in queue order; a client that falls {@link #MAX_QUEUED}
 * messages behind is disconnected — it resyncs with a fresh snapshot when it reconnects.
 */
final class ClientConnection {

    static final int MAX_QUEUED = 10_000;
    private static final String CLOSE = "\u0000close";

    private final WebSocketSession session;
    private final LinkedBlockingQueue<String> outbox = new LinkedBlockingQueue<>(MAX_QUEUED + 1);
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private volatile Principal principal;
    private volatile boolean closing;
    private Thread sender;

    ClientConnection(WebSocketSession session) {
        this.session = session;
    }

    void start() {
        sender = Thread.ofVirtual().name("ws-" + session.getId()).start(this::drain);
    }

    String id() {
        return session.getId();
    }

    Set<String> topics() {
        return topics;
    }

    Principal principal() {
        return principal;
    }

    void login(Principal p) {
        principal = p;
    }

    /** Queues a message; a full queue disconnects the client instead of stalling the venue. */
    void send(String json) {
        if (closing) {
            return;
        }
        if (outbox.size() >= MAX_QUEUED || !outbox.offer(json)) {
            closing = true;
            outbox.clear();
            outbox.offer(CLOSE);
        }
    }

    private void drain() {
        try {
            while (session.isOpen()) {
                String message = outbox.take();
                if (message == CLOSE) {
                    session.close(CloseStatus.SESSION_NOT_RELIABLE.withReason("slow consumer"));
                    return;
                }
                session.sendMessage(new TextMessage(message));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | IllegalStateException e) {
            closeQuietly();
        }
    }

    void stop() {
        closing = true;
        if (sender != null) {
            sender.interrupt();
        }
    }

    private void closeQuietly() {
        try {
            session.close(CloseStatus.SERVER_ERROR);
        } catch (IOException ignored) {
            // already gone
        }
    }
}
