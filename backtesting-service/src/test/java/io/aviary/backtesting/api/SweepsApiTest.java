package io.aviary.backtesting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sweeps: a grid of 2 keys × 3 values runs 9 variants over one candle read and ranks them by the chosen metric; a
 * random search with a seed draws the same variants again; too many variants is a 422 naming the limit; an invalid
 * variant is refused naming the variant and the key; a running sweep is cancelled.
 */
class SweepsApiTest extends BacktestingHttpTestBase {

    @AfterEach
    void openTheGate() {
        candleGate.countDown();
    }

    @Test
    void aGridOfTwoKeysRunsNineVariantsOverOneCandleReadRankedByTheMetric() {
        int readsBefore = candleReads.get();
        String id = submit(sweep("""
                "parameters": {"bb_length": [20, 30, 40], "stop_loss": ["0.005", "0.01", "0.02"]},
                "rank_by": "net_pnl_quote", "order": "desc\""""));

        JsonNode done = await(id, "completed").json();

        assertThat(candleReads.get() - readsBefore).isEqualTo(1);
        assertThat(done.get("variants").asInt()).isEqualTo(9);
        assertThat(done.get("completed_variants").asInt()).isEqualTo(9);
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        List<JsonNode> variants = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Answer v = get("/backtesting/sweeps/" + id + "/results/" + i);
            assertThat(v.status()).as(v.body()).isEqualTo(200);
            assertThat(v.json().get("status").asString()).isEqualTo("completed");
            assertThat(v.json().get("results").get("total_executors").asInt()).isPositive();
            assertThat(v.json().get("executors").get("count").asInt())
                    .isEqualTo(v.json().get("results").get("total_executors").asInt());
            variants.add(v.json());
        }
        // the grid's combinations, last key fastest
        assertThat(variants.get(0).get("parameters").toString()).isEqualTo("{\"bb_length\":20,\"stop_loss\":\"0.005\"}");
        assertThat(variants.get(5).get("parameters").toString()).isEqualTo("{\"bb_length\":30,\"stop_loss\":\"0.02\"}");
        List<Integer> expected = variants.stream()
                .sorted(Comparator.comparingDouble((JsonNode v) -> -v.get("results").get("net_pnl_quote").asDouble())
                        .thenComparingInt(v -> v.get("variant").asInt()))
                .map(v -> v.get("variant").asInt()).toList();
        // the metric differs between variants, so the ranking is a real ordering
        assertThat(variants.stream().map(v -> v.get("results").get("net_pnl_quote").asDouble()).distinct().count())
                .isGreaterThan(1);

        JsonNode ranked = get("/backtesting/sweeps/" + id + "?top=9").json();

        assertThat(ranked.get("ranking").findValues("variant").stream().map(JsonNode::asInt).toList())
                .isEqualTo(expected);
        assertThat(ranked.get("ranking").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(ranked.get("ranking").get(0).get("net_pnl_quote").asDouble())
                .isEqualTo(variants.get(expected.getFirst()).get("results").get("net_pnl_quote").asDouble());
        assertThat(get("/backtesting/sweeps/" + id).json().get("ranking").size()).isEqualTo(9);
        assertThat(get("/backtesting/sweeps/" + id + "?top=3").json().get("ranking").size()).isEqualTo(3);
        assertThat(get("/backtesting/sweeps").json().findValuesAsString("sweep_id")).contains(id);
        assertThat(get("/backtesting/sweeps/" + id + "/results/9").status()).isEqualTo(404);

        Answer removed = delete("/backtesting/sweeps/" + id);
        assertThat(removed.json().get("status").asString()).isEqualTo("deleted");
        assertThat(get("/backtesting/sweeps/" + id).status()).isEqualTo(404);
    }

    @Test
    void aRandomSearchWithASeedDrawsTheSameVariantsAgain() {
        String parameters = """
                "search": "random", "samples": 4, "seed": 42, "rank_by": "max_drawdown_usd", "order": "asc",
                "parameters": {"bb_length": {"min": 10, "max": 100, "step": 5}, "take_profit": [0.01, 0.02, 0.03]}""";
        String first = submit(sweep(parameters));
        String second = submit(sweep(parameters));
        await(first, "completed");
        JsonNode again = await(second, "completed").json();

        assertThat(again.get("seed").asLong()).isEqualTo(42);
        assertThat(again.get("variants").asInt()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            JsonNode a = get("/backtesting/sweeps/" + first + "/results/" + i).json();
            JsonNode b = get("/backtesting/sweeps/" + second + "/results/" + i).json();
            assertThat(b.get("parameters")).isEqualTo(a.get("parameters"));
            assertThat(b.get("results")).isEqualTo(a.get("results"));
            assertThat(a.get("parameters").get("bb_length").asInt() % 5).isZero();
        }
        List<Double> drawdowns = again.get("ranking").findValues("max_drawdown_usd").stream()
                .map(JsonNode::asDouble).toList();
        assertThat(drawdowns).isSorted();
    }

    @Test
    void moreVariantsThanTheLimitIs422NamingIt() {
        Answer grid = post("/backtesting/sweeps", sweep("""
                "parameters": {"bb_length": {"min": 10, "max": 110, "step": 1}, "stop_loss": [0.01, 0.02, 0.03],
                               "take_profit": [0.01, 0.02, 0.03, 0.04]}"""));
        Answer random = post("/backtesting/sweeps", sweep("""
                "search": "random", "samples": 1001, "parameters": {"bb_length": {"min": 10, "max": 100}}"""));

        assertThat(grid.status()).as(grid.body()).isEqualTo(422);
        assertThat(grid.json().get("detail").asString()).contains("1212 variants", "at most 1000");
        assertThat(random.status()).as(random.body()).isEqualTo(422);
        assertThat(random.json().get("detail").asString()).contains("at most 1000");
    }

    @Test
    void anInvalidVariantIsRefusedNamingTheVariantAndTheKey() {
        int kept = get("/backtesting/sweeps").json().size();
        Answer invalid = post("/backtesting/sweeps", sweep("""
                "parameters": {"bb_length": [20, 30], "stop_loss": ["0.01", "-1"]}"""));
        Answer unknown = post("/backtesting/sweeps", sweep("""
                "parameters": {"bb_lenght": [20, 30]}"""));
        Answer fixed = post("/backtesting/sweeps", sweep("""
                "parameters": {"trading_pair": ["ETH-USDT"]}"""));
        Answer metric = post("/backtesting/sweeps", sweep("""
                "parameters": {"bb_length": [20]}, "rank_by": "close_types\""""));

        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.json().get("detail").asString()).contains("variant 1", "stop_loss");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("variant 0", "bb_lenght");
        assertThat(fixed.status()).isEqualTo(400);
        assertThat(fixed.json().get("detail").asString()).contains("trading_pair");
        assertThat(metric.status()).isEqualTo(400);
        assertThat(metric.json().get("detail").asString()).contains("rank_by");
        assertThat(get("/backtesting/sweeps").json().size()).as("nothing kept of a refused sweep").isEqualTo(kept);
    }

    @Test
    void aRunningSweepIsCancelled() {
        candleGate = new CountDownLatch(1);
        String id = submit(sweep("""
                "parameters": {"bb_length": [20, 30, 40]}"""));
        await(id, "running");

        Answer cancel = delete("/backtesting/sweeps/" + id);
        candleGate.countDown();

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().get("status").asString()).isEqualTo("cancelled");
        // the worker is free again once the cancelled sweep gave it up: a task submitted now completes
        Answer task = post("/backtesting/tasks", dayBody(bollinger("")));
        String taskId = task.json().get("task_id").asString();
        awaitPath("/backtesting/tasks/" + taskId, t -> t.json().get("status").asString().equals("completed"));
        JsonNode sweep = get("/backtesting/sweeps/" + id).json();
        assertThat(sweep.get("status").asString()).isEqualTo("cancelled");
        assertThat(sweep.get("completed_variants").asInt()).isZero();
        assertThat(sweep.get("ranking")).isEmpty();
        assertThat(get("/backtesting/sweeps/" + id + "/results/0").json().get("status").asString())
                .isEqualTo("pending");
    }

    /** A sweep over one day of 1m candles of the fake market; {@code fields} are the sweep's own fields. */
    static String sweep(String fields) {
        String day = dayBody(bollinger(""));
        return day.substring(0, day.lastIndexOf('}')) + ", " + fields + "}";
    }

    private String submit(String body) {
        Answer answer = post("/backtesting/sweeps", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("sweep_id").asString();
    }

    private Answer await(String id, String status) {
        return awaitPath("/backtesting/sweeps/" + id, s -> s.json().get("status").asString().equals(status));
    }
}
