package io.aviary.connectors.sim;

import java.io.IOException;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One WebSocket connection to the venue that stays up: on every (re)connect it sends its greeting
 * (e.g. a freshly signed login) and then every current subscription again; when the connection
 * breaks it tells its owner and reconnects with backoff (100 ms doubling to 5 s). Whole messages
 * are handed to the owner in arrival order on the HTTP client's thread. Thread-safe.
 */
final class SimSocket implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimSocket.class);
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sim-connector-ws");
        t.setDaemon(true);
        return t;
    });

    private final SimVenue venue;
    private final Supplier<List<String>> greeting;
    private final Consumer<JsonNode> onMessage;
    private final Consumer<Throwable> onDisconnect;
    private final Map<String, String> subscriptions = new LinkedHashMap<>();
    private final Object lock = new Object();
    private WebSocket ws;
    private java.util.concurrent.ScheduledFuture<?> keepAlive;
    private boolean connecting;
    private boolean closed;
    private int attempts;

    SimSocket(SimVenue venue, Supplier<List<String>> greeting, Consumer<JsonNode> onMessage,
            Consumer<Throwable> onDisconnect) {
        this.venue = venue;
        this.greeting = greeting;
        this.onMessage = onMessage;
        this.onDisconnect = onDisconnect;
    }

    /** Adds (or repeats) a subscription; it is replayed after every reconnect. */
    void subscribe(String key, String message) {
        synchronized (lock) {
            subscriptions.put(key, message);
            if (ws != null) {
                send(ws, message);
            } else {
                connect();
            }
        }
    }

    void unsubscribe(String key, String message) {
        synchronized (lock) {
            if (subscriptions.remove(key) != null && ws != null) {
                send(ws, message);
            }
        }
    }

    /** Sends the subscription again from the scheduler thread (not the message thread). */
    void resubscribeLater(String key) {
        SCHEDULER.execute(() -> {
            synchronized (lock) {
                String message = subscriptions.get(key);
                if (message != null && ws != null) {
                    send(ws, message);
                }
            }
        });
    }

    boolean hasSubscriptions() {
        synchronized (lock) {
            return !subscriptions.isEmpty();
        }
    }

    private void connect() {
        if (connecting || closed) {
            return;
        }
        connecting = true;
        venue.http().newWebSocketBuilder().connectTimeout(SimVenue.CONNECT_TIMEOUT)
                .buildAsync(venue.webSocketUri(), new Listener())
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        synchronized (lock) {
                            connecting = false;
                        }
                        scheduleReconnect();
                    } else {
                        opened(socket);
                    }
                });
    }

    private void opened(WebSocket socket) {
        synchronized (lock) {
            connecting = false;
            if (closed) {
                socket.abort();
                return;
            }
            ws = socket;
            attempts = 0;
            if (keepAlive == null) {
                // a connection that died without a FIN is only noticed when a write fails
                keepAlive = SCHEDULER.scheduleAtFixedRate(this::ping, 20, 20, TimeUnit.SECONDS);
            }
            List<String> first = new ArrayList<>(greeting.get());
            first.addAll(subscriptions.values());
            for (String message : first) {
                send(socket, message);
            }
        }
    }

    private void ping() {
        WebSocket socket;
        synchronized (lock) {
            socket = ws;
        }
        if (socket != null) {
            socket.sendPing(java.nio.ByteBuffer.allocate(0)).orTimeout(10, TimeUnit.SECONDS)
                    .whenComplete((s, e) -> {
                        if (e != null) {
                            broken(socket, e);
                        }
                    });
        }
    }

    private void send(WebSocket socket, String message) {
        try {
            socket.sendText(message, true).get(SimVenue.REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            broken(socket, e);
        }
    }

    /** A write failed: drop the connection; the owner hears about it and a reconnect follows. */
    private void broken(WebSocket socket, Throwable cause) {
        socket.abort();
        SCHEDULER.execute(() -> lost(socket, cause));
    }

    private void lost(WebSocket socket, Throwable cause) {
        synchronized (lock) {
            if (ws != socket) {
                return;
            }
            ws = null;
            if (closed) {
                return;
            }
        }
        try {
            onDisconnect.accept(cause);
        } catch (RuntimeException e) {
            log.warn("{}: disconnect listener failed", venue.connector(), e);
        }
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        long delay;
        synchronized (lock) {
            if (closed) {
                return;
            }
            delay = Math.min(5_000, 100L << Math.min(6, attempts));
            attempts++;
        }
        SCHEDULER.schedule(() -> {
            synchronized (lock) {
                if (ws == null) {
                    connect();
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        WebSocket socket;
        synchronized (lock) {
            closed = true;
            subscriptions.clear();
            if (keepAlive != null) {
                keepAlive.cancel(false);
            }
            socket = ws;
            ws = null;
        }
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(1, TimeUnit.SECONDS)
                    .whenComplete((s, e) -> socket.abort());
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            socket.request(1);
            return null;
        }

        private void dispatch(String text) {
            JsonNode message;
            try {
                message = venue.json().readTree(text);
            } catch (JacksonException e) {
                log.warn("{}: ignoring a WebSocket message that is not JSON", venue.connector());
                return;
            }
            try {
                onMessage.accept(message);
            } catch (RuntimeException e) {
                log.warn("{}: a stream listener failed on a '{}' message", venue.connector(),
                        message.path("type").asString(), e);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            lost(socket, new IOException("the venue closed the stream (" + status + " " + reason + ")"));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            lost(socket, error);
        }
    }
}
