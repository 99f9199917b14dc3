package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.devstack.RunningSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 12's "done when", as a user meets it through the gateway, offline on {@code sim}: every listed controller's
 * config is made from its template, validated, stored, listed and fetched; each stored config backtests as a direct
 * run and as a task (progress 100, the same results); a long task can be cancelled while it runs; a sweep runs and
 * ranks its variants. Needs gateway, sim-exchange, market-data-service, orchestration-service and
 * backtesting-service.
 */
class StrategiesThroughGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CONTROLLERS = List.of("pmm_simple", "pmm_dynamic", "dman_maker_v2",
            "bollinger_v1", "macd_bb_v1", "supertrend_v1", "dman_v3", "grid_strike");
    private static Http api;

    @BeforeAll
    static void startSuite() {
        RunningSuite suite = RunningSuite.get();
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
    }

    @Test
    void everyListedControllerGoesFromTemplateToStoredConfigToBacktestAndTask() throws InterruptedException {
        JsonNode listed = ok(api.get("/controllers/"));
        List<String> names = new ArrayList<>();
        listed.properties().forEach(kind -> kind.getValue().forEach(n -> names.add(n.asString())));
        assertThat(names).containsAll(CONTROLLERS);

        long start = BacktestingThroughGatewayTest.dayStart();
        double close = lastClose(start);
        for (String name : CONTROLLERS) {
            String kind = kindOf(listed, name);
            ObjectNode config = (ObjectNode) ok(api.get("/controllers/" + kind + "/" + name + "/config/template"));
            fillForSim(config, name, close);

            Http.Response saved = api.postJson("/controllers/configs/" + configName(name), config.toString());
            assertThat(saved.status()).as("%s: %s", name, saved).isEqualTo(201);
            JsonNode stored = ok(api.get("/controllers/configs/" + configName(name)));
            assertThat(stored.get("controller_name").asString()).isEqualTo(name);
            assertThat(stored.get("connector_name").asString()).isEqualTo("sim");

            String run = runBody(stored, start, start + 6 * 3600 - 60);
            JsonNode direct = ok(api.postJson("/backtesting/run", run));
            assertThat(direct.get("pnl_timeseries").size()).as(name).isEqualTo(360);
            assertThat(direct.get("results").get("total_executors").asInt()).as(name)
                    .isEqualTo(direct.get("executors").size());

            JsonNode task = awaitTask(submit(run), "completed");
            assertThat(task.get("progress").asInt()).as(name).isEqualTo(100);
            assertThat(task.get("result").get("results")).as(name).isEqualTo(direct.get("results"));
        }
        List<String> storedNames = ok(api.get("/controllers/configs/")).findValuesAsString("config_name");
        assertThat(storedNames).containsAll(CONTROLLERS.stream().map(StrategiesThroughGatewayTest::configName).toList());
    }

    @Test
    void anInvalidKeyFromATemplateIsRefusedNamingTheKey() {
        ObjectNode config = (ObjectNode) ok(api.get("/controllers/directional_trading/bollinger_v1/config/template"));
        fillForSim(config, "bollinger_v1", 0);
        config.put("bb_length", "twenty");
        Http.Response refused = api.postJson("/controllers/configs/bad_bb", config.toString());

        assertThat(refused.status()).as(refused.toString()).isBetween(400, 422);
        assertThat(refused.body()).contains("detail").contains("bb_length");
        assertThat(api.get("/controllers/configs/bad_bb").status()).isEqualTo(404);
    }

    @Test
    void aLongTaskReportsProgressAndStopsWhenCancelled() throws InterruptedException {
        long end = BacktestingThroughGatewayTest.dayStart() + 86_340;
        // two weeks of 1m candles (20,160) of dman_v3: long enough that the task is still running when cancelled
        ObjectNode config = (ObjectNode) ok(api.get("/controllers/directional_trading/dman_v3/config/template"));
        fillForSim(config, "dman_v3", 0);
        String id = submit(runBody(config, end - 14 * 86_400 + 60, end));

        Http.Response cancel = api.delete("/backtesting/tasks/" + id);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        JsonNode cancelled = awaitTask(id, "cancelled");
        assertThat(cancelled.get("progress").asInt()).isBetween(0, 99);
        assertThat(cancelled.has("result")).isFalse();
    }

    @Test
    void aSweepThroughTheGatewayRanksItsVariants() throws InterruptedException {
        long start = BacktestingThroughGatewayTest.dayStart();
        String body = """
                {"start_time": %d, "end_time": %d, "backtesting_resolution": "1m", "trade_cost": 0.0006,
                 "config": %s,
                 "parameters": {"bb_std": [1.5, 2.0], "stop_loss": ["0.005", "0.01"]},
                 "rank_by": "net_pnl_quote", "order": "desc"}"""
                .formatted(start, start + 86_340, BacktestingThroughGatewayTest.bollingerConfig());
        Http.Response submitted = api.postJson("/backtesting/sweeps", body);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String id = JSON.readTree(submitted.body()).get("sweep_id").asString();

        JsonNode sweep = null;
        for (int i = 0; i < 600 && (sweep == null || !sweep.get("status").asString().equals("completed")); i++) {
            Thread.sleep(100);
            sweep = ok(api.get("/backtesting/sweeps/" + id));
        }
        assertThat(sweep.get("status").asString()).as(sweep.toString()).isEqualTo("completed");
        assertThat(sweep.get("variants").asInt()).isEqualTo(4);
        List<Double> ranked = new ArrayList<>();
        sweep.get("ranking").forEach(row -> ranked.add(row.get("results").get("net_pnl_quote").asDouble()));
        assertThat(ranked).hasSize(4).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        JsonNode best = ok(api.get("/backtesting/sweeps/" + id + "/results/"
                + sweep.get("ranking").get(0).get("variant").asInt()));
        assertThat(best.get("results").get("net_pnl_quote").asDouble()).isEqualTo(ranked.getFirst());
    }

    /**
     * A bollinger_v1 on 3m candles backtested at 1m resolution, with its feature table asked for: the table has a
     * row per 1m step, and its %B moves only when a 3m candle has closed (at most once in any three consecutive
     * rows, and only at a row whose close time is a 3m close), so the controller read the venue's 3m candles, closed
     * ones only, through market-data-service; its first entry is at a 3m close too.
     */
    @Test
    void aThreeMinuteControllerAtOneMinuteResolutionDecidesOnClosedThreeMinuteCandles() {
        long start = BacktestingThroughGatewayTest.dayStart();
        ObjectNode config = (ObjectNode) ok(api.get("/controllers/directional_trading/bollinger_v1/config/template"));
        fillForSim(config, "bollinger_v1", 0);
        config.put("interval", "3m").put("bb_length", 20).put("bb_std", 1.5).put("cooldown_time", 60)
                .put("stop_loss", "0.005").put("take_profit", "0.005").put("time_limit", 1800);
        String body = runBody(config, start, start + 6 * 3600 - 60)
                .replaceFirst("\\{", "{\"processed_data_format\": \"columns\", ");
        JsonNode answer = ok(api.postJson("/backtesting/run", body));

        JsonNode table = answer.get("processed_data");
        JsonNode time = table.get("timestamp");
        JsonNode percentB = table.get("BBP_20_1.5");
        assertThat(time).as(table.properties().toString()).hasSize(360);
        assertThat(percentB).as("the %B column").hasSize(360);
        int changes = 0;
        for (int i = 1; i < percentB.size(); i++) {
            if (percentB.get(i).asDouble() != percentB.get(i - 1).asDouble()) {
                changes++;
                long closeTime = time.get(i).asLong() + 60;
                assertThat(closeTime % 180).as("%B changed at row %d, not at a 3m close", i).isZero();
            }
        }
        assertThat(changes).as("%B follows the 3m closes after its warm-up").isGreaterThan(50);
        // later entries may wait out a cooldown that ends between 3m closes; the first one follows a signal
        assertThat(answer.get("executors")).isNotEmpty();
        assertThat(answer.get("executors").get(0).get("timestamp").asLong() % 180).as("the first entry").isZero();
    }

    private static String configName(String controller) {
        return controller + "_sim";
    }

    private static String kindOf(JsonNode listed, String name) {
        for (Map.Entry<String, JsonNode> kind : listed.properties()) {
            for (JsonNode n : kind.getValue()) {
                if (n.asString().equals(name)) {
                    return kind.getKey();
                }
            }
        }
        throw new AssertionError(name + " not listed in " + listed);
    }

    /** What a user changes in a template to run it on {@code sim}: ids, market, and grid_strike's price range. */
    private static void fillForSim(ObjectNode config, String name, double close) {
        config.put("id", configName(name));
        config.put("connector_name", "sim");
        config.put("trading_pair", "BTC-USDT");
        if (config.has("candles_connector")) {
            config.put("candles_connector", "sim");
            config.put("candles_trading_pair", "BTC-USDT");
        }
        config.put("total_amount_quote", "1000");
        if (name.equals("grid_strike") && close > 0) {
            config.put("start_price", String.valueOf(Math.round(close * 0.97)));
            config.put("end_price", String.valueOf(Math.round(close * 1.03)));
            config.put("limit_price", String.valueOf(Math.round(close * 0.95)));
        }
    }

    private static String runBody(JsonNode config, long start, long end) {
        return """
                {"start_time": %d, "end_time": %d, "backtesting_resolution": "1m", "trade_cost": 0.0006,
                 "config": %s}""".formatted(start, end, config.toString());
    }

    private static double lastClose(long start) {
        JsonNode candles = ok(api.postJson("/market-data/historical-candles", """
                {"connector_name": "sim", "trading_pair": "BTC-USDT", "interval": "1m",
                 "start_time": %d, "end_time": %d}""".formatted(start, start + 3600)));
        return candles.get(candles.size() - 1).get("close").asDouble();
    }

    private static String submit(String body) {
        Http.Response submitted = api.postJson("/backtesting/tasks", body);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        return JSON.readTree(submitted.body()).get("task_id").asString();
    }

    private static JsonNode awaitTask(String id, String status) throws InterruptedException {
        JsonNode task = ok(api.get("/backtesting/tasks/" + id));
        for (int i = 0; i < 600 && !task.get("status").asString().equals(status); i++) {
            assertThat(task.get("progress").asInt()).isBetween(0, 100);
            Thread.sleep(100);
            task = ok(api.get("/backtesting/tasks/" + id));
        }
        assertThat(task.get("status").asString()).as(task.toString()).isEqualTo(status);
        return task;
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
