package io.aviary.system;

import com.jayway.jsonpath.JsonPath;
import io.aviary.devstack.RunningSuite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The JDK's WebSocket client on one of the gateway's {@code /ws/...} streams, its text messages in a queue. */
final class StreamClient implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /**
     * The gateway's stream at {@code path}, authenticated as hummingbot-api-client does it
     * ({@code ?token=base64(user:pass)}) when {@code withToken}.
     */
    static URI gatewayStream(RunningSuite suite, String path, boolean withToken) {
        String token = Base64.getEncoder().encodeToString((suite.username() + ":" + suite.password())
                .getBytes(StandardCharsets.UTF_8));
        return URI.create(suite.gatewayUrl().replaceFirst("^http", "ws") + path + (withToken ? "?token=" + token : ""));
    }

    /** Connects; a refused upgrade throws a CompletionException caused by a WebSocketHandshakeException. */
    static StreamClient open(URI uri) {
        StreamClient stream = new StreamClient();
        stream.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, stream).join();
        return stream;
    }

    /** The {@code type} of a stream message. */
    static String type(String message) {
        return JsonPath.read(message, "$.type");
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    String next(Duration wait) throws InterruptedException {
        String message = received.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + wait);
        }
        return message;
    }

    String nextOf(String type, Duration wait) throws InterruptedException {
        return nextOf(m -> type(m).equals(type), wait);
    }

    /** The next message {@code match} accepts, skipping the others. */
    String nextOf(Predicate<String> match, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            String message = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (match.test(message)) {
                return message;
            }
        }
    }

    /** Every message that arrives within {@code window}. */
    List<String> drain(Duration window) throws InterruptedException {
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        for (long left = window.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            String message = received.poll(left, TimeUnit.NANOSECONDS);
            if (message != null) {
                out.add(message);
            }
        }
        return out;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null).join();
        socket.abort();
    }
}
