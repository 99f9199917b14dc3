package io.aviary.backtesting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Direct backtests: both answer shapes, stored config names, and every bad input the issue lists. */
class BacktestRunApiTest extends BacktestingHttpTestBase {

    static final List<String> METRICS = List.of("net_pnl", "net_pnl_quote", "total_executors",
            "total_executors_with_position", "total_volume", "total_long", "total_short", "close_types",
            "accuracy_long", "accuracy_short", "total_positions", "accuracy", "max_drawdown_usd", "max_drawdown_pct",
            "sharpe_ratio", "profit_factor", "win_signals", "loss_signals", "unrealized_pnl_quote",
            "position_realized_pnl_quote", "total_fees_quote", "total_funding_quote");

    @Test
    void runBacktestingAnswersCa19b95sShapeWithEveryMetric() {
        Answer answer = post("/backtesting/run-backtesting", dayBody(bollinger("")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(names(answer)).containsExactly("executors", "processed_data", "results");
        assertThat(answer.json().get("processed_data").isEmpty()).isTrue();
        assertThat(names(answer.json().get("results"))).containsExactlyElementsOf(METRICS);
        int executors = answer.json().get("results").get("total_executors").asInt();
        assertThat(executors).isPositive().isEqualTo(answer.json().get("executors").size());
        var first = answer.json().get("executors").get(0);
        assertThat(first.get("type").asString()).isEqualTo("position_executor");
        assertThat(first.get("config").get("trading_pair").asString()).isEqualTo("BTC-USDT");
        assertThat(first.get("status").asInt()).isBetween(1, 4);
    }

    /** Every controller the registry lists runs from its minimal config, whatever executor type it drives. */
    @ParameterizedTest
    @ValueSource(strings = {"bollinger_v1", "macd_bb_v1", "supertrend_v1", "dman_v3", "pmm_simple", "pmm_dynamic",
            "dman_maker_v2", "grid_strike"})
    void everyListedControllerBacktests(String controller) {
        String config = """
                {"id": "t", "controller_name": "%s", "total_amount_quote": "1000", "connector_name": "sim",
                 "trading_pair": "BTC-USDT"}""".formatted(controller);
        Answer answer = post("/backtesting/run-backtesting", dayBody(config));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(names(answer.json().get("results"))).containsExactlyElementsOf(METRICS);
        answer.json().get("executors").forEach(e ->
                assertThat(e.get("config").get("type").asString()).endsWith("_executor"));
    }

    @Test
    void runAnswersHeadsShapeWithAPnlPointPerCandle() {
        Answer answer = post("/backtesting/run", dayBody(bollinger("")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(names(answer)).containsExactly("executors", "processed_data", "results", "position_holds",
                "position_held_timeseries", "pnl_timeseries");
        assertThat(answer.json().get("pnl_timeseries").size()).isEqualTo(1440);
        assertThat(names(answer.json().get("pnl_timeseries").get(0))).containsExactly("timestamp",
                "executor_realized_pnl", "position_realized_pnl", "position_unrealized_pnl", "total_pnl",
                "active_executors", "cumulative_volume");
        // the first point is known at the first candle's close
        assertThat(answer.json().get("pnl_timeseries").get(0).get("timestamp").asLong()).isEqualTo(DAY_START + 60);
    }

    /**
     * A config whose interval (3m) is coarser than the resolution (1m) runs on 1m steps but decides on the 3m candles
     * market-data-service serves (a second read), so it trades differently from the same config at interval 1m.
     */
    @Test
    void aThreeMinuteIntervalAtOneMinuteResolutionDecidesOnThreeMinuteCandles() {
        int readsBefore = candleReads.get();
        Answer threeMinutes = post("/backtesting/run", dayBody(bollinger("").replace("\"interval\": \"1m\"",
                "\"interval\": \"3m\"")));
        int threeMinuteReads = candleReads.get() - readsBefore;
        Answer oneMinute = post("/backtesting/run", dayBody(bollinger("")));

        assertThat(threeMinutes.status()).as(threeMinutes.body()).isEqualTo(200);
        assertThat(oneMinute.status()).as(oneMinute.body()).isEqualTo(200);
        assertThat(threeMinuteReads).as("1m candles to step on, 3m candles to decide on").isEqualTo(2);
        assertThat(threeMinutes.json().get("pnl_timeseries").size()).as("still one step per 1m candle")
                .isEqualTo(1440);
        assertThat(threeMinutes.json().get("results").get("total_executors").asInt()).isPositive();
        assertThat(entryTimes(threeMinutes)).isNotEqualTo(entryTimes(oneMinute));
        // the signal changes only when a 3m candle closes (a multiple of 180 s), so the first entry is at one; later
        // entries may come at any 1m step while the signal lasts (cooldown, executors per side)
        assertThat(entryTimes(threeMinutes).getFirst() % 180).isZero();
    }

    @Test
    void anIntervalTheResolutionCannotServeIs400NamingBoth() {
        String finer = dayBody(bollinger("")).replace("\"backtesting_resolution\": \"1m\"",
                "\"backtesting_resolution\": \"5m\"");
        String notAMultiple = dayBody(bollinger("").replace("\"interval\": \"1m\"", "\"interval\": \"3m\""))
                .replace("\"backtesting_resolution\": \"1m\"", "\"backtesting_resolution\": \"2m\"");

        for (String body : List.of(finer, notAMultiple)) {
            Answer answer = post("/backtesting/run", body);
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("detail").asString()).contains("interval").contains("backtesting_resolution");
        }
        assertThat(post("/backtesting/tasks", finer).status()).isEqualTo(400);
    }

    private static List<Long> entryTimes(Answer answer) {
        List<Long> times = new ArrayList<>();
        answer.json().get("executors").forEach(e -> times.add(e.get("timestamp").asLong()));
        return times;
    }

    @Test
    void aStoredConfigNameIsReadFromOrchestration() {
        Answer stored = post("/backtesting/run-backtesting", dayBody("\"stored_bb\""));
        Answer inline = post("/backtesting/run-backtesting", dayBody(bollinger("")));
        Answer missing = post("/backtesting/run-backtesting", dayBody("\"no_such_config\""));

        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("results")).isEqualTo(inline.json().get("results"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).contains("no_such_config");
        assertThat(post("/backtesting/run-backtesting", dayBody("\"../etc\"")).status()).isEqualTo(400);
        assertThat(post("/backtesting/run-backtesting", dayBody("\"stored_bb.yml\"")).status()).isEqualTo(200);
    }

    @Test
    void endBeforeStartIs400() {
        String body = """
                {"start_time": %d, "end_time": %d, "config": %s}""".formatted(DAY_START, DAY_START - 60,
                bollinger(""));

        Answer answer = post("/backtesting/run", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).contains("end_time").contains("start_time");
    }

    @Test
    void anUnknownControllerIs400NamingControllerName() {
        Answer answer = post("/backtesting/run", dayBody(bollinger("").replace("\"bollinger_v1\"", "\"bollinger_v9\"")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).contains("controller_name");
    }

    @Test
    void anInvalidConfigIs400NamingTheKey() {
        Answer unknownKey = post("/backtesting/run", dayBody(bollinger("\"bb_lenght\": 20")));
        Answer badValue = post("/backtesting/run", dayBody(bollinger("").replace("\"bb_length\": 20",
                "\"bb_length\": \"twenty\"")));

        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.json().get("detail").asString()).contains("bb_lenght");
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.json().get("detail").asString()).contains("bb_length");
    }

    @Test
    void aRangeWithoutCandlesIs404WithTheReason() {
        Answer answer = post("/backtesting/run", dayBody(bollinger("").replace("\"BTC-USDT\"", "\"" + EMPTY_PAIR + "\"")));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("detail").asString()).contains("No historical data").contains(EMPTY_PAIR);
    }

    @Test
    void malformedBodiesAre400() {
        assertThat(post("/backtesting/run", "{\"start_time\": 1}").status()).isEqualTo(400);
        assertThat(post("/backtesting/run", dayBody("42")).status()).isEqualTo(400);
        assertThat(post("/backtesting/run", dayBody(bollinger("")).replace("\"1m\"", "\"1 minute\"")).status())
                .isEqualTo(400);
        assertThat(post("/backtesting/run", dayBody(bollinger("")).replace("0.0006", "1.5")).status())
                .isEqualTo(400);
    }

    /** 30 candles (bb_length 20: 19 warm-up rows) with processed_data_format as given ("" = the key left out). */
    private static String shortBody(String format) {
        return """
                {"start_time": %d, "end_time": %d, "backtesting_resolution": "1m", "trade_cost": 0.0006,
                 %s"config": %s}""".formatted(DAY_START, DAY_START + 29 * 60,
                format.isEmpty() ? "" : "\"processed_data_format\": \"" + format + "\", ", bollinger(""));
    }

    private static final List<String> BOLLINGER_COLUMNS = List.of("timestamp", "open", "high", "low", "close",
            "volume", "BBL_20_2.0", "BBM_20_2.0", "BBU_20_2.0", "BBB_20_2.0", "BBP_20_2.0", "signal");

    /** %B(20, 2) of the fixture's candle {@code i}, hand-computed: population σ of closes i−19..i. */
    private static double percentB(int i) {
        double sum = 0;
        for (int k = i - 19; k <= i; k++) {
            sum += price(k);
        }
        double mean = sum / 20;
        double squares = 0;
        for (int k = i - 19; k <= i; k++) {
            squares += (price(k) - mean) * (price(k) - mean);
        }
        double sigma = Math.sqrt(squares / 20);
        return (price(i) - (mean - 2 * sigma)) / (4 * sigma);
    }

    @Test
    void processedDataIsEmptyByDefaultAndWithNone() {
        for (String path : List.of("/backtesting/run-backtesting", "/backtesting/run")) {
            for (String format : List.of("", "none")) {
                Answer answer = post(path, shortBody(format));
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.json().get("processed_data").isObject()).isTrue();
                assertThat(answer.json().get("processed_data").isEmpty()).as(path + " " + format).isTrue();
            }
        }
    }

    @Test
    void featuresAnswerHummingbotsToDictShapeKeyedByEpochSeconds() {
        for (String path : List.of("/backtesting/run-backtesting", "/backtesting/run")) {
            Answer answer = post(path, shortBody("features"));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            var data = answer.json().get("processed_data");
            assertThat(names(data)).containsExactlyElementsOf(BOLLINGER_COLUMNS);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                keys.add(Long.toString(DAY_START + 60L * i));
            }
            for (String column : BOLLINGER_COLUMNS) {
                assertThat(names(data.get(column))).as(column).containsExactlyElementsOf(keys);
            }
            String row5 = Long.toString(DAY_START + 300);
            assertThat(data.get("timestamp").get(row5).asLong()).isEqualTo(DAY_START + 300);
            assertThat(data.get("close").get(row5).asDouble()).isEqualTo(price(5));
            // warm-up (rows 0..18) is NaN in the engine, 0 on the wire as Hummingbot's fillna(0)
            assertThat(data.get("BBP_20_2.0").get(Long.toString(DAY_START + 18 * 60)).asDouble()).isZero();
            for (int i = 19; i < 30; i++) {
                assertThat(data.get("BBP_20_2.0").get(Long.toString(DAY_START + 60L * i)).asDouble())
                        .as("row " + i).isCloseTo(percentB(i), org.assertj.core.data.Offset.offset(1e-9));
            }
            data.get("signal").forEach(v -> assertThat(v.asDouble()).isIn(-1.0, 0.0, 1.0));
        }
    }

    @Test
    void columnsAnswerOneArrayPerColumnInTimeOrder() {
        Answer answer = post("/backtesting/run", shortBody("columns"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var data = answer.json().get("processed_data");
        assertThat(names(data)).containsExactlyElementsOf(BOLLINGER_COLUMNS);
        for (String column : BOLLINGER_COLUMNS) {
            assertThat(data.get(column).isArray()).as(column).isTrue();
            assertThat(data.get(column).size()).as(column).isEqualTo(30);
        }
        assertThat(data.get("timestamp").get(0).asLong()).isEqualTo(DAY_START);
        assertThat(data.get("timestamp").get(29).asLong()).isEqualTo(DAY_START + 29 * 60);
        assertThat(data.get("close").get(7).asDouble()).isEqualTo(price(7));
        assertThat(data.get("BBP_20_2.0").get(0).asDouble()).isZero();
        assertThat(data.get("BBP_20_2.0").get(25).asDouble())
                .isCloseTo(percentB(25), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aTaskKeepsTheFormItWasAskedFor() throws InterruptedException {
        Answer submitted = post("/backtesting/tasks", shortBody("columns"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String id = submitted.json().get("task_id").asString();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(20); // a bound on waiting, not a timing check
        Answer task = get("/backtesting/tasks/" + id);
        while (!"completed".equals(task.json().get("status").asString())
                && java.time.Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            task = get("/backtesting/tasks/" + id);
        }
        assertThat(task.json().get("status").asString()).as(task.body()).isEqualTo("completed");
        var data = task.json().get("result").get("processed_data");
        assertThat(names(data)).containsExactlyElementsOf(BOLLINGER_COLUMNS);
        assertThat(data.get("timestamp").size()).isEqualTo(30);
    }

    @Test
    void aProcessedDataOverTheCapIs422NamingTheField() {
        // 90 days of 1m candles × 12 columns ≈ 1.56 M values > the default cap of 1,000,000; refused before any
        // candle is read
        int reads = candleReads.get();
        String body = """
                {"start_time": %d, "end_time": %d, "processed_data_format": "features", "config": %s}"""
                .formatted(DAY_START, DAY_START + 90 * 86_400, bollinger(""));

        for (String path : List.of("/backtesting/run-backtesting", "/backtesting/run", "/backtesting/tasks")) {
            Answer answer = post(path, body);
            String start = answer.body().substring(0, Math.min(300, answer.body().length()));
            assertThat(answer.status()).as(path + " " + start).isEqualTo(422);
            assertThat(answer.json().get("detail").asString()).contains("processed_data_format")
                    .contains("BACKTEST_PROCESSED_DATA_MAX_VALUES");
        }
        assertThat(candleReads.get()).isEqualTo(reads);
    }

    @Test
    void anUnknownProcessedDataFormatIs400AndSweepsRefuseOne() {
        Answer unknown = post("/backtesting/run", shortBody("pandas"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("processed_data_format");

        Answer sweep = post("/backtesting/sweeps", shortBody("features").replace("\"config\"",
                "\"parameters\": {\"bb_length\": [20, 30]}, \"config\""));
        assertThat(sweep.status()).as(sweep.body()).isEqualTo(400);
        assertThat(sweep.json().get("detail").asString()).contains("processed_data_format");
    }

    static List<String> names(Answer answer) {
        return names(answer.json());
    }

    static List<String> names(tools.jackson.databind.JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
