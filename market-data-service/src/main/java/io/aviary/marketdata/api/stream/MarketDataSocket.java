package io.aviary.marketdata.api.stream;

import io.aviary.kit.failure.UseCaseException;
import io.aviary.connectors.port.VenueException;
import io.aviary.marketdata.app.MarketStream;
import io.aviary.marketdata.app.MarketStreams;
import io.aviary.marketdata.app.StreamRequest;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/market-data}, hummingbot-api's protocol: {@code connected} on open; then {@code subscribe} (candles,
 * order_book, trades), {@code unsubscribe} and {@code ping} actions, answered {@code subscribed},
 * {@code unsubscribed}, {@code pong} or {@code error}; updates every {@code update_interval} seconds while something
 * changed; a {@code heartbeat} every {@code heartbeat-interval}. Authentication happened at the gateway (the service
 * accepts the upgrade only with the internal token, like any request). Input is bounded: a message over
 * {@code max-message-bytes}, not JSON, or not a valid action gets an error that names the problem without repeating
 * the input, and the {@code max-errors}-th closes the connection.
 */
public class MarketDataSocket extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(MarketDataSocket.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,200}");
    /** Tomcat's own limit on a blocking send; the ticker's stall check closes with a reason first. */
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final MarketStreams streams;
    private final StreamSettings settings;
    private final JsonMapper mapper;
    private final StreamJson json;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final java.util.ArrayDeque<StreamStats> recentlyClosed = new java.util.ArrayDeque<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ws-market-data-ticker");
        t.setDaemon(true);
        return t;
    });

    public MarketDataSocket(MarketStreams streams, StreamSettings settings, JsonMapper mapper) {
        this.streams = streams;
        this.settings = settings;
        this.mapper = mapper;
        this.json = new StreamJson(mapper);
        ticker.scheduleAtFixedRate(this::tick, 50, 50, TimeUnit.MILLISECONDS);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        if (connections.size() >= settings.maxConnections()) {
            session.close(new CloseStatus(1013, "too many connections (" + settings.maxConnections() + "), retry later"));
            return;
        }
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session tomcat) {
            tomcat.getUserProperties().put(TOMCAT_SEND_TIMEOUT, settings.sendTimeout().plusSeconds(5).toMillis());
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        Connection connection = new Connection(id, session, settings, json);
        connections.put(session.getId(), connection);
        connection.reply(StreamJson.control("connected", "connection_id", id));
        connection.start();
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Connection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        int bytes = message.getPayloadLength();
        if (bytes > settings.maxMessageBytes()) {
            connection.error("Message too large: " + bytes + " bytes, the limit is " + settings.maxMessageBytes());
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
        String action = text(msg, "action");
        switch (action == null ? "" : action) {
            case "subscribe" -> subscribe(connection, msg);
            case "unsubscribe" -> unsubscribe(connection, msg);
            case "ping" -> connection.reply(StreamJson.control("pong"));
            default -> connection.error("Unknown action" + (action != null && NAME.matcher(action).matches()
                    ? ": " + action : "") + ". Valid actions: subscribe, unsubscribe, ping");
        }
    }

    private void subscribe(Connection connection, JsonNode msg) {
        StreamRequest request;
        try {
            request = request(msg);
        } catch (IllegalArgumentException e) {
            connection.error(e.getMessage());
            return;
        }
        if (connection.subscriptionCount() >= settings.maxSubscriptions()) {
            connection.error("Too many subscriptions: at most " + settings.maxSubscriptions()
                    + " per connection; unsubscribe first");
            return;
        }
        MarketStream stream;
        try {
            stream = streams.open(request);
        } catch (UseCaseException | VenueException e) {
            connection.error(e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.warn("WebSocket {}: opening a {} stream failed", connection.id(), request.getClass().getSimpleName(), e);
            connection.error("Failed to start feed");
            return;
        }
        double interval = number(msg, "update_interval", 1.0);
        connection.subscribe(stream, settings.updateInterval(interval).toNanos());
    }

    private static void unsubscribe(Connection connection, JsonNode msg) {
        String id = text(msg, "subscription_id");
        if (id == null) {
            connection.error("unsubscribe requires 'subscription_id'");
        } else if (!connection.unsubscribe(id)) {
            connection.error("Subscription not found" + (SUBSCRIPTION_ID.matcher(id).matches() ? ": " + id : ""));
        }
    }

    /** The subscription asked for; IllegalArgumentException naming the first field that is wrong. */
    private static StreamRequest request(JsonNode msg) {
        String type = text(msg, "type");
        String connector = name(msg, "connector");
        String pair = name(msg, "trading_pair");
        return switch (type == null ? "" : type) {
            case "candles" -> new StreamRequest.Candles(connector, pair, nameOr(msg, "interval", "1m"),
                    integer(msg, "max_records", 100));
            case "order_book" -> new StreamRequest.OrderBook(connector, pair, integer(msg, "depth", 10));
            case "trades" -> new StreamRequest.Trades(connector, pair);
            default -> throw new IllegalArgumentException("Invalid subscription type"
                    + (type != null && NAME.matcher(type).matches() ? ": " + type : "")
                    + ". Valid types: candles, order_book, trades");
        };
    }

    private static String name(JsonNode msg, String field) {
        String value = text(msg, field);
        if (value == null) {
            throw new IllegalArgumentException("connector and trading_pair are required");
        }
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + field + "' must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        return value;
    }

    private static String nameOr(JsonNode msg, String field, String fallback) {
        return msg.has(field) ? name(msg, field) : fallback;
    }

    private static String text(JsonNode msg, String field) {
        JsonNode node = msg.get(field);
        return node != null && node.isString() ? node.asString() : null;
    }

    private static int integer(JsonNode msg, String field, int fallback) {
        JsonNode node = msg.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number");
        }
        return node.intValue();
    }

    private static double number(JsonNode msg, String field, double fallback) {
        JsonNode node = msg.get(field);
        return node != null && node.isNumber() ? node.doubleValue() : fallback;
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        Connection connection = connections.remove(session.getId());
        if (connection != null) {
            connection.close(CloseStatus.SERVER_ERROR);
            remember(connection);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = connections.remove(session.getId());
        if (connection != null) {
            connection.close(status);
            remember(connection);
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (Connection connection : connections.values()) {
            try {
                connection.tick(now);
            } catch (RuntimeException e) {
                log.error("WebSocket {}: tick failed", connection.id(), e);
            }
        }
    }

    /** Every open connection, then the last few closed ones, for tests and diagnostics. */
    public List<StreamStats> stats() {
        List<StreamStats> open = connections.values().stream().map(Connection::stats).toList();
        synchronized (recentlyClosed) {
            return java.util.stream.Stream.concat(open.stream(), recentlyClosed.stream()).toList();
        }
    }

    private void remember(Connection connection) {
        synchronized (recentlyClosed) {
            if (recentlyClosed.size() == 16) {
                recentlyClosed.removeFirst();
            }
            recentlyClosed.addLast(connection.stats());
        }
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        connections.values().forEach(c -> c.close(CloseStatus.GOING_AWAY));
        connections.clear();
    }

}
