package io.aviary.kit.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client (the JDK's) for tests of the {@code /ws/*} streams: JSON messages in a queue, the close
 * code and reason once the server closes. {@link #pause()} stops reading from the socket (no demand), as a client
 * that does not keep up; {@link #resume()} reads again.
 */
public final class WsClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How the connection ended: the server's close frame, or an error without one. */
    public record Closed(int code, String reason, Throwable error) {
    }

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private volatile boolean paused;

    private WsClient(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Connects; fails (CompletionException) when the server refuses the upgrade. */
    public static WsClient connect(URI uri, Map<String, String> headers) {
        return new WsClient(uri, headers);
    }

    public static WsClient connect(URI uri) {
        return connect(uri, Map.of());
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message, waiting at most {@code wait}; AssertionError when none came. */
    public JsonNode next(Duration wait) {
        try {
            JsonNode message = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + wait + (closed.isDone() ? "; closed: " + closed.join() : ""));
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message of {@code type} (others are skipped), within {@code wait} overall. */
    public JsonNode next(String type, Duration wait) {
        return next(m -> type.equals(m.path("type").asString()), wait);
    }

    /** The next message {@code match} accepts (others are skipped), within {@code wait} overall. */
    public JsonNode next(Predicate<JsonNode> match, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode message = next(Duration.ofNanos(Math.max(0, left)));
            if (match.test(message)) {
                return message;
            }
        }
    }

    /** Every message that arrives within {@code window} (a quiet period to check that something stopped). */
    public java.util.List<JsonNode> drain(Duration window) {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return out;
                }
                JsonNode message = received.poll(left, TimeUnit.NANOSECONDS);
                if (message != null) {
                    out.add(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        socket.request(1);
    }

    /** How the connection ended, waiting at most {@code wait}. */
    public Closed awaitClose(Duration wait) {
        return closed.orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason, null));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, null, error));
        }
    }
}
