package io.aviary.simexchange.api.ws;

import io.aviary.simexchange.api.WireMapper;
import io.aviary.simexchange.app.ApiKeyService;
import io.aviary.simexchange.app.AuthFailure;
import io.aviary.simexchange.app.Principal;
import io.aviary.simexchange.app.VenueCore;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.model.VenueRejection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /ws} endpoint. Client operations: {@code subscribe}/{@code unsubscribe} to
 * {@code book} (snapshot first, then sequenced diffs), {@code trades}, or {@code private} (after
 * {@code login}); {@code login} with a signed timestamp; {@code ping}. See API.md.
 */
public final class VenueSocketHandler extends TextWebSocketHandler {

    /** What a WebSocket login signs after the timestamp. */
    public static final String LOGIN_PAYLOAD = "GET/ws/login";

    private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();
    private final SocketHub hub;
    private final VenueCore core;
    private final ApiKeyService keys;
    private final JsonMapper json;

    public VenueSocketHandler(SocketHub hub, VenueCore core, ApiKeyService keys, JsonMapper json) {
        this.hub = hub;
        this.core = core;
        this.keys = keys;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        ClientConnection c = new ClientConnection(session);
        connections.put(session.getId(), c);
        c.start();
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        ClientConnection c = connections.remove(session.getId());
        if (c != null) {
            hub.drop(c);
            c.stop();
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        ClientConnection c = connections.get(session.getId());
        if (c == null) {
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            reply(c, error(null, "INVALID_REQUEST", "messages must be JSON objects"));
            return;
        }
        String id = request.path("id").isMissingNode() ? null : request.path("id").asString();
        try {
            handle(c, request, id);
        } catch (VenueRejection e) {
            reply(c, error(id, e.code().name(), e.getMessage()));
        } catch (AuthFailure e) {
            reply(c, error(id, e.code(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            reply(c, error(id, "INVALID_REQUEST", e.getMessage()));
        }
    }

    private void handle(ClientConnection c, JsonNode r, String id) {
        String op = r.path("op").asString("");
        switch (op) {
            case "ping" -> reply(c, Map.of("type", "pong"));
            case "login" -> login(c, r, id);
            case "subscribe" -> subscribe(c, r, id);
            case "unsubscribe" -> {
                hub.unsubscribe(topic(c, r), c);
                reply(c, ack("unsubscribed", r, id));
            }
            default -> reply(c, error(id, "INVALID_REQUEST", "unknown op '" + op + "': use subscribe, unsubscribe, login or ping"));
        }
    }

    private void login(ClientConnection c, JsonNode r, String id) {
        Principal p = keys.verify(r.path("api_key").asString(null), r.path("timestamp").asString(null),
                r.path("signature").asString(null), LOGIN_PAYLOAD);
        c.login(p);
        reply(c, Map.of("type", "login", "success", true, "id", id == null ? "" : id));
    }

    private void subscribe(ClientConnection c, JsonNode r, String id) {
        String topic = topic(c, r);
        VenueKind kind = kind(r);
        String channel = r.path("channel").asString("");
        String symbol = r.path("symbol").asString(null);
        // under the lane lock: nothing can be published between the snapshot and the subscription
        core.query(kind, lane -> {
            if (!channel.equals("private")) {
                lane.exchange().market(symbol);
            }
            hub.subscribe(topic, c);
            reply(c, ack("subscribed", r, id));
            if (channel.equals("book")) {
                var snapshot = lane.exchange().market(symbol).snapshot(1000, core.now());
                c.send(hub.write(new SocketHub.Push("book_snapshot", kind.path(), symbol, WireMapper.book(snapshot))));
            }
            return null;
        });
    }

    private String topic(ClientConnection c, JsonNode r) {
        VenueKind kind = kind(r);
        String channel = r.path("channel").asString("");
        String symbol = r.path("symbol").asString(null);
        return switch (channel) {
            case "book" -> SocketHub.bookTopic(kind, required(symbol));
            case "trades" -> SocketHub.tradesTopic(kind, required(symbol));
            case "private" -> {
                if (c.principal() == null) {
                    throw new AuthFailure("LOGIN_REQUIRED", "log in before subscribing to the private channel");
                }
                yield SocketHub.privateTopic(kind, c.principal().accountId());
            }
            default -> throw new IllegalArgumentException("unknown channel '" + channel + "': use book, trades or private");
        };
    }

    private static VenueKind kind(JsonNode r) {
        String venue = r.path("venue").asString("");
        return VenueKind.fromPath(venue)
                .orElseThrow(() -> new IllegalArgumentException("venue must be 'spot' or 'perp'"));
    }

    private static String required(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol is required");
        }
        return symbol;
    }

    private static Map<String, Object> ack(String type, JsonNode r, String id) {
        return Map.of("type", type, "channel", r.path("channel").asString(""), "venue", r.path("venue").asString(""),
                "symbol", r.path("symbol").asString(""), "id", id == null ? "" : id);
    }

    private static Map<String, Object> error(String id, String code, String message) {
        return Map.of("type", "error", "code", code, "message", message == null ? "" : message,
                "id", id == null ? "" : id);
    }

    private void reply(ClientConnection c, Object message) {
        c.send(hub.write(message));
    }

}
