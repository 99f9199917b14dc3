package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.aviary.devstack.RunningSuite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /ws/executors} through the gateway on {@code sim}: an executor created over REST appears on the
 * {@code executors} stream and its {@code executor_detail} within 2 s, and a stop shows there too.
 */
class ExecutorStreamThroughGatewayTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
    }

    @Test
    void aCreatedExecutorAppearsOnTheStreamsWithinTwoSecondsAndItsStopToo() throws Exception {
        TradingDesk desk = TradingDesk.open(suite, "ws_exec_desk", "sim");
        String token = Base64.getEncoder().encodeToString((suite.username() + ":" + suite.password())
                .getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(suite.gatewayUrl().replaceFirst("^http", "ws") + "/ws/executors?token=" + token);
        Listener ws = new Listener();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, ws).join();
        try {
            assertThat(type(ws.next(m -> true, TWO_SECONDS))).isEqualTo("connected");
            socket.sendText("{\"action\":\"subscribe\",\"type\":\"executors\",\"update_interval\":0.5,"
                    + "\"filters\":{\"account_name\":\"ws_exec_desk\"}}", true).join();
            String subscribed = ws.next(m -> true, TWO_SECONDS);
            assertThat(type(subscribed)).as(subscribed).isEqualTo("subscribed");
            String listId = JsonPath.read(subscribed, "$.subscription_id");
            assertThat(listId).startsWith("executors_");
            assertThat(JsonPath.<Integer>read(ws.next(m -> type(m).equals("executors"), TWO_SECONDS), "$.total_count")).isZero();

            // a buy far below the market rests: the executor keeps running until stopped
            Http.Response created = desk.api.postJson("/executors/", "{\"account_name\":\"ws_exec_desk\",\"executor_config\":"
                    + "{\"type\":\"position_executor\",\"connector_name\":\"sim\",\"trading_pair\":\"BTC-USDT\","
                    + "\"side\":\"BUY\",\"amount\":\"0.001\",\"entry_price\":\"1000\",\"triple_barrier_config\":{}}}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String executorId = JsonPath.read(created.body(), "$.executor_id");

            String listed = ws.next(m -> type(m).equals("executors") && m.contains(executorId), TWO_SECONDS);
            assertThat(JsonPath.<Integer>read(listed, "$.total_count")).isEqualTo(1);

            socket.sendText("{\"action\":\"subscribe\",\"type\":\"executor_detail\",\"executor_id\":\"" + executorId
                    + "\",\"update_interval\":0.5}", true).join();
            ws.next(m -> type(m).equals("subscribed") && m.contains("executor_detail_" + executorId), TWO_SECONDS);
            String detail = ws.next(m -> type(m).equals("executor_detail"), TWO_SECONDS);
            assertThat(JsonPath.<String>read(detail, "$.data.executor_id")).isEqualTo(executorId);

            // a stop shows on the detail stream (or, when the venue already ended it, the stream showed that end)
            String firstStatus = JsonPath.read(detail, "$.data.status");
            Http.Response stop = desk.api.postJson("/executors/" + executorId + "/stop", "{}");
            if (stop.status() == 200) {
                String stopped = ws.next(m -> type(m).equals("executor_detail")
                        && !firstStatus.equals(JsonPath.read(m, "$.data.status")), Duration.ofSeconds(10));
                assertThat(JsonPath.<String>read(stopped, "$.data.executor_id")).isEqualTo(executorId);
            } else {
                assertThat(stop.body()).as("stop answered %s while the stream said %s", stop, firstStatus)
                        .contains("already closed");
            }

            socket.sendText("{\"action\":\"subscribe\",\"type\":\"executor_detail\",\"executor_id\":\"nope\"}", true).join();
            assertThat(JsonPath.<String>read(ws.next(m -> type(m).equals("error"), TWO_SECONDS), "$.message"))
                    .contains("not found");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null).join();
            socket.abort();
        }
    }

    private static String type(String message) {
        return JsonPath.read(message, "$.type");
    }

    private static final class Listener implements WebSocket.Listener {
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        String next(Predicate<String> match, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                String message = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (message == null) {
                    throw new AssertionError("no matching message within " + wait);
                }
                if (match.test(message)) {
                    return message;
                }
            }
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
    }

}
