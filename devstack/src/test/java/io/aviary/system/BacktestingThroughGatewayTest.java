package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.devstack.RunningSuite;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backtests through the gateway on {@code sim}: backtesting-service reads a day of 1m candles through
 * market-data-service (which fetches them from the simulated venue once and stores them) and runs bollinger_v1 over
 * them, directly and as a task. Needs gateway, sim-exchange, market-data-service and backtesting-service.
 */
class BacktestingThroughGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Http api;

    @BeforeAll
    static void startSuite() {
        RunningSuite suite = RunningSuite.get();
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
    }

    static String body(long start, long end) {
        return """
                {"start_time": %d, "end_time": %d, "backtesting_resolution": "1m", "trade_cost": 0.0006,
                 "config": %s}""".formatted(start, end, bollingerConfig());
    }

    /** A bollinger_v1 config on sim BTC-USDT with tight barriers, so a day of candles closes many executors. */
    static String bollingerConfig() {
        return """
                {"id": "bb_sim", "controller_name": "bollinger_v1", "controller_type": "directional_trading",
                  "total_amount_quote": "1000", "connector_name": "sim", "trading_pair": "BTC-USDT",
                  "candles_connector": "sim", "candles_trading_pair": "BTC-USDT", "interval": "1m",
                  "bb_length": 20, "bb_std": 1.5, "stop_loss": "0.005", "take_profit": "0.005",
                  "time_limit": 1800, "cooldown_time": 60}""";
    }

    /** Open times of the last whole day before the current hour's start minus two hours, 1440 candles. */
    static long dayStart() {
        return (Instant.now().getEpochSecond() / 3600 - 26) * 3600;
    }

    @Test
    void aBollingerBacktestOverADayOfSimCandlesAnswersResults() {
        long start = dayStart();
        Http.Response response = api.postJson("/backtesting/run", body(start, start + 86_340));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("pnl_timeseries").size()).isEqualTo(1440);
        JsonNode results = answer.get("results");
        assertThat(results.get("total_executors").asInt()).isPositive()
                .isEqualTo(answer.get("executors").size());
        assertThat(results.has("sharpe_ratio")).isTrue();
        assertThat(results.has("max_drawdown_usd")).isTrue();
    }

    @Test
    void theSameBacktestAsATaskCompletesWithTheSameResults() throws InterruptedException {
        long start = dayStart();
        JsonNode direct = JSON.readTree(api.postJson("/backtesting/run-backtesting", body(start, start + 86_340)).body());
        Http.Response submitted = api.postJson("/backtesting/tasks", body(start, start + 86_340));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String id = JSON.readTree(submitted.body()).get("task_id").asString();

        JsonNode task = null;
        for (int i = 0; i < 300; i++) {
            task = JSON.readTree(api.get("/backtesting/tasks/" + id).body());
            if (task.get("status").asString().equals("completed")) {
                break;
            }
            Thread.sleep(100);
        }

        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo("completed");
        assertThat(task.get("progress").asInt()).isEqualTo(100);
        assertThat(task.get("result").get("results")).isEqualTo(direct.get("results"));
    }

    @Test
    void badInputIsA4xxWithTheReason() {
        long start = dayStart();
        Http.Response backwards = api.postJson("/backtesting/run", body(start, start - 60));
        Http.Response unknownPair = api.postJson("/backtesting/run",
                body(start, start + 3600).replace("\"BTC-USDT\"", "\"NOPE-USDT\""));

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("detail");
        assertThat(unknownPair.status()).as(unknownPair.toString()).isBetween(400, 499);
        assertThat(unknownPair.body()).contains("detail");
    }
}
