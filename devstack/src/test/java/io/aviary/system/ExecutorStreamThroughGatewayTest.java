package io.aviary.system;

import static io.aviary.system.StreamClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.aviary.devstack.RunningSuite;
import java.time.Duration;
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
        try (StreamClient ws = StreamClient.open(StreamClient.gatewayStream(suite, "/ws/executors", true))) {
            assertThat(type(ws.next(TWO_SECONDS))).isEqualTo("connected");
            ws.send("{\"action\":\"subscribe\",\"type\":\"executors\",\"update_interval\":0.5,"
                    + "\"filters\":{\"account_name\":\"ws_exec_desk\"}}");
            String subscribed = ws.next(TWO_SECONDS);
            assertThat(type(subscribed)).as(subscribed).isEqualTo("subscribed");
            String listId = JsonPath.read(subscribed, "$.subscription_id");
            assertThat(listId).startsWith("executors_");
            assertThat(JsonPath.<Integer>read(ws.nextOf("executors", TWO_SECONDS), "$.total_count")).isZero();

            // a buy far below the market rests: the executor keeps running until stopped
            Http.Response created = desk.api.postJson("/executors/", "{\"account_name\":\"ws_exec_desk\",\"executor_config\":"
                    + "{\"type\":\"position_executor\",\"connector_name\":\"sim\",\"trading_pair\":\"BTC-USDT\","
                    + "\"side\":\"BUY\",\"amount\":\"0.001\",\"entry_price\":\"1000\",\"triple_barrier_config\":{}}}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String executorId = JsonPath.read(created.body(), "$.executor_id");

            String listed = ws.nextOf(m -> type(m).equals("executors") && m.contains(executorId), TWO_SECONDS);
            assertThat(JsonPath.<Integer>read(listed, "$.total_count")).isEqualTo(1);

            ws.send("{\"action\":\"subscribe\",\"type\":\"executor_detail\",\"executor_id\":\"" + executorId
                    + "\",\"update_interval\":0.5}");
            ws.nextOf(m -> type(m).equals("subscribed") && m.contains("executor_detail_" + executorId), TWO_SECONDS);
            String detail = ws.nextOf("executor_detail", TWO_SECONDS);
            assertThat(JsonPath.<String>read(detail, "$.data.executor_id")).isEqualTo(executorId);

            // a stop shows on the detail stream (or, when the venue already ended it, the stream showed that end)
            String firstStatus = JsonPath.read(detail, "$.data.status");
            Http.Response stop = desk.api.postJson("/executors/" + executorId + "/stop", "{}");
            if (stop.status() == 200) {
                String stopped = ws.nextOf(m -> type(m).equals("executor_detail")
                        && !firstStatus.equals(JsonPath.read(m, "$.data.status")), Duration.ofSeconds(10));
                assertThat(JsonPath.<String>read(stopped, "$.data.executor_id")).isEqualTo(executorId);
            } else {
                assertThat(stop.body()).as("stop answered %s while the stream said %s", stop, firstStatus)
                        .contains("already closed");
            }

            ws.send("{\"action\":\"subscribe\",\"type\":\"executor_detail\",\"executor_id\":\"nope\"}");
            assertThat(JsonPath.<String>read(ws.nextOf("error", TWO_SECONDS), "$.message"))
                    .contains("not found");
        }
    }
}
