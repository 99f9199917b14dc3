package io.aviary.kit.stream;

import io.aviary.kit.failure.UseCaseException;
import jakarta.annotation.PreDestroy;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket stream endpoint with hummingbot-api's protocol ({@code /ws/market-data}, {@code /ws/executors}):
 * {@code connected} on open; then {@code subscribe}, {@code unsubscribe} and {@code ping} actions, answered
 * {@code subscribed}, {@code unsubscribed}, {@code pong} or {@code error}; each subscription's updates every
 * {@code update_interval} seconds (clamped) while something changed; a {@code heartbeat} every heartbeat interval.
 * What is streamed comes from the service's {@link StreamSource}.
 *
 * <p>Authentication happened at the gateway (a service accepts the upgrade only with the internal token, like any
 * request). Input is bounded: a message over {@code maxMessageBytes}, not JSON, or not a valid action gets an error
 * that names the problem without repeating the input, and the {@code maxErrors}-th error closes the connection with
 * 1008. Output is bounded per connection ({@link StreamConnection}): a slow client gets the latest state, a stalled
 * one is closed with 1008 and a reason.
 */
public class StreamSocket extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamSocket.class);
    private static final java.util.regex.Pattern SUBSCRIPTION_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.\\-]{1,200}");
    /** Tomcat's own limit on a blocking send; the ticker's stall check closes with a reason first. */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final String name;
    private final StreamSource source;
    private final StreamLimits limits;
    private final JsonMapper mapper;
    private final Map<String, StreamConnection> connections = new ConcurrentHashMap<>();
    private final ArrayDeque<StreamStats> recentlyClosed = new ArrayDeque<>();
    private final ScheduledExecutorService ticker;
    private final ExecutorService pollers = Executors.newVirtualThreadPerTaskExecutor();

    /** @param name short name for threads and logs, e.g. {@code market-data} */
    public StreamSocket(String name, StreamSource source, StreamLimits limits, JsonMapper mapper) {
        this.name = name;
        this.source = source;
        this.limits = limits;
        this.mapper = mapper;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ws-" + name + "-ticker");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 50, 50, TimeUnit.MILLISECONDS);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        if (connections.size() >= limits.maxConnections()) {
            session.close(new CloseStatus(1013, "too many connections (" + limits.maxConnections() + "), retry later"));
            return;
        }
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session container) {
            container.getUserProperties().put(TOMCAT_SEND_TIMEOUT, limits.sendTimeout().plusSeconds(5).toMillis());
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        StreamConnection connection = new StreamConnection(name, id, session, limits, mapper, pollers);
        connections.put(session.getId(), connection);
        connection.reply(Outgoing.control("connected", "connection_id", id));
        connection.start();
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        StreamConnection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        int bytes = message.getPayloadLength();
        if (bytes > limits.maxMessageBytes()) {
            connection.error("Message too large: " + bytes + " bytes, the limit is " + limits.maxMessageBytes());
            return;
        }
        JsonNode msg;
        try {
            msg = mapper.readTree(message.getPayload());
        } catch (JacksonException e) {
            connection.error("Invalid message: not JSON. Send an object like {\"action\": \"ping\"}");
            return;
        }
        if (msg == null || !msg.isObject()) {
            connection.error("Invalid message: expected a JSON object with an 'action'");
            return;
        }
        SubscribeMessage fields = new SubscribeMessage(msg);
        String action = fields.text("action");
        switch (action == null ? "" : action) {
            case "subscribe" -> subscribe(connection, fields);
            case "unsubscribe" -> unsubscribe(connection, fields);
            case "ping" -> connection.reply(Outgoing.control("pong"));
            default -> connection.error("Unknown action" + (SubscribeMessage.shown(action) ? ": " + action : "")
                    + ". Valid actions: subscribe, unsubscribe, ping");
        }
    }

    private void subscribe(StreamConnection connection, SubscribeMessage msg) {
        if (connection.subscriptionCount() >= limits.maxSubscriptions()) {
            connection.error("Too many subscriptions: at most " + limits.maxSubscriptions()
                    + " per connection; unsubscribe first");
            return;
        }
        LiveStream stream;
        try {
            stream = source.open(msg);
        } catch (IllegalArgumentException | UseCaseException e) {
            connection.error(e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.warn("WebSocket {}: opening a stream failed", connection.id(), e);
            connection.error("Failed to start the stream");
            return;
        }
        connection.subscribe(stream, limits.updateInterval(msg.number("update_interval", limits.defaultUpdateInterval())).toNanos());
    }

    private static void unsubscribe(StreamConnection connection, SubscribeMessage msg) {
        String id = msg.text("subscription_id");
        if (id == null) {
            connection.error("unsubscribe requires 'subscription_id'");
        } else if (!connection.unsubscribe(id)) {
            connection.error("Subscription not found" + (SUBSCRIPTION_ID.matcher(id).matches() ? ": " + id : ""));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        closed(session, CloseStatus.SERVER_ERROR);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        closed(session, status);
    }

    private void closed(WebSocketSession session, CloseStatus status) {
        StreamConnection connection = connections.remove(session.getId());
        if (connection != null) {
            connection.close(status);
            synchronized (recentlyClosed) {
                if (recentlyClosed.size() == 16) {
                    recentlyClosed.removeFirst();
                }
                recentlyClosed.addLast(connection.stats());
            }
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (StreamConnection connection : connections.values()) {
            try {
                connection.tick(now);
            } catch (RuntimeException e) {
                log.error("WebSocket {}: tick failed", connection.id(), e);
            }
        }
    }

    /** Every open connection, then the last few closed ones, for tests and diagnostics. */
    public List<StreamStats> stats() {
        List<StreamStats> open = connections.values().stream().map(StreamConnection::stats).toList();
        synchronized (recentlyClosed) {
            return Stream.concat(open.stream(), recentlyClosed.stream()).toList();
        }
    }

    @PreDestroy
    public void stop() {
        ticker.shutdownNow();
        pollers.shutdownNow();
        connections.values().forEach(c -> c.close(CloseStatus.GOING_AWAY));
        connections.clear();
    }
}
