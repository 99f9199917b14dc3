package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.aviary.devstack.RunningSuite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /ws/market-data} through the whole suite with a real WebSocket client, authenticated as
 * hummingbot-api-client does it ({@code ?token=base64(user:pass)}): candles and the order book of {@code sim} arrive
 * within 2 s, unsubscribe stops the book, and a reconnect streams again. Without credentials the upgrade is refused.
 */
class MarketDataStreamThroughGatewayTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    /** A feed opened for the first time may backfill from the venue first (the service's ready timeout bounds it). */
    private static final Duration FEED_OPEN = Duration.ofSeconds(30);

    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
    }

    private URI stream(boolean withToken) {
        String token = Base64.getEncoder().encodeToString((suite.username() + ":" + suite.password())
                .getBytes(StandardCharsets.UTF_8));
        return URI.create(suite.gatewayUrl().replaceFirst("^http", "ws") + "/ws/market-data"
                + (withToken ? "?token=" + token : ""));
    }

    @Test
    void subscribeReceiveWithinTwoSecondsUnsubscribeAndReconnect() throws Exception {
        try (Stream ws = Stream.open(stream(true))) {
            assertThat(type(ws.next(TWO_SECONDS))).isEqualTo("connected");
            ws.send("{\"action\":\"subscribe\",\"type\":\"candles\",\"connector\":\"sim\",\"trading_pair\":\"BTC-USDT\","
                    + "\"interval\":\"1m\",\"max_records\":20,\"update_interval\":0.5}");
            String subscribed = ws.next(FEED_OPEN);
            assertThat(type(subscribed)).as(subscribed).isEqualTo("subscribed");
            String candles = ws.nextOf("candles", TWO_SECONDS);
            assertThat(JsonPath.<List<?>>read(candles, "$.data")).hasSize(20);
            assertThat(JsonPath.<String>read(candles, "$.subscription_id")).isEqualTo("candles_sim_BTC-USDT_1m");

            ws.send("{\"action\":\"subscribe\",\"type\":\"order_book\",\"connector\":\"sim\",\"trading_pair\":\"BTC-USDT\","
                    + "\"depth\":3,\"update_interval\":0.25}");
            assertThat(type(ws.nextOf(m -> !type(m).startsWith("candle"), FEED_OPEN))).isEqualTo("subscribed");
            String book = ws.nextOf("order_book", TWO_SECONDS);
            assertThat(JsonPath.<List<?>>read(book, "$.data.bids")).hasSize(3);
            assertThat(JsonPath.<List<?>>read(book, "$.data.asks")).hasSize(3);

            ws.send("{\"action\":\"unsubscribe\",\"subscription_id\":\"order_book_sim_BTC-USDT\"}");
            ws.nextOf("unsubscribed", TWO_SECONDS);
            List<String> after = ws.drain(Duration.ofMillis(1500));
            assertThat(after).noneMatch(m -> type(m).equals("order_book"));
        }

        try (Stream again = Stream.open(stream(true))) {
            assertThat(type(again.next(TWO_SECONDS))).isEqualTo("connected");
            again.send("{\"action\":\"subscribe\",\"type\":\"order_book\",\"connector\":\"sim\",\"trading_pair\":\"BTC-USDT\","
                    + "\"depth\":3,\"update_interval\":0.25}");
            assertThat(type(again.next(FEED_OPEN))).isEqualTo("subscribed");
            assertThat(JsonPath.<List<?>>read(again.nextOf("order_book", TWO_SECONDS), "$.data.bids")).hasSize(3);
        }
    }

    @Test
    void withoutCredentialsTheUpgradeIsRefused() {
        try {
            Stream.open(stream(false)).close();
            throw new AssertionError("the upgrade was accepted without credentials");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401);
        }
    }

    private static String type(String message) {
        return JsonPath.read(message, "$.type");
    }

    /** The JDK's WebSocket client, its text messages in a queue. */
    private static final class Stream implements WebSocket.Listener, AutoCloseable {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Stream open(URI uri) {
            Stream stream = new Stream();
            stream.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, stream).join();
            return stream;
        }

        void send(String text) {
            socket.sendText(text, true).join();
        }

        String next(Duration wait) throws InterruptedException {
            String message = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + wait);
            }
            return message;
        }

        String nextOf(String type, Duration wait) throws InterruptedException {
            return nextOf(m -> type(m).equals(type), wait);
        }

        String nextOf(java.util.function.Predicate<String> match, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                String message = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (match.test(message)) {
                    return message;
                }
            }
        }

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
}
