package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.math.RoundingMode;
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


    /**
     * A perpetual backtest on {@code sim_perpetual} pays the venue's own funding history, read through
     * market-data-service (the sim venue pays every 20 s, so a 12-hour position sees thousands of events): each
     * executor's {@code cum_funding_quote} is {@code −side × base × close × rate} summed over the events of its life,
     * priced at the close of the candle whose close time first reaches the event. Only events within two minutes of an
     * executor's start or end (its open fills a candle later; which candle pays an event on its closing minute is the
     * engine's choice) may go either way, so the check allows exactly their sum, plus 1 % for prices. The base is
     * the executor's amount rounded down to the venue's amount step, as the venue (and the backtest) trades it. The
     * results' total is the executors' sum.
     */
    @Test
    void aPerpetualBacktestPaysTheVenuesFundingHistoryOnItsPositions() {
        long start = dayStart();
        long end = start + 86_340;
        JsonNode rates = JSON.readTree(api.postJson("/market-data/historical-funding-rates", """
                {"connector_name": "sim_perpetual", "trading_pair": "BTC-USDT", "start_time": %d, "end_time": %d}"""
                .formatted(start, end + 60)).body());
        assertThat(rates.size()).as("funding events in the day").isPositive();
        JsonNode candles = JSON.readTree(api.postJson("/market-data/historical-candles", """
                {"connector_name": "sim_perpetual", "trading_pair": "BTC-USDT", "interval": "1m",
                 "start_time": %d, "end_time": %d}""".formatted(start, end)).body());
        // the venue trades amounts rounded down to its step, and so does the backtest (ADR 0012)
        BigDecimal amountStep = JSON.readTree(api.get("/connectors/sim_perpetual/trading-rules?trading_pairs=BTC-USDT")
                .body()).get("BTC-USDT").get("min_base_amount_increment").decimalValue();
        String config = bollingerConfig().replace("\"sim\"", "\"sim_perpetual\"")
                .replace("\"stop_loss\": \"0.005\", \"take_profit\": \"0.005\"", "\"stop_loss\": \"0.5\", \"take_profit\": \"0.5\"")
                .replace("\"time_limit\": 1800", "\"time_limit\": 43200");
        assertThat(config).contains("sim_perpetual").contains("43200");

        Http.Response response = api.postJson("/backtesting/run", """
                {"start_time": %d, "end_time": %d, "backtesting_resolution": "1m", "trade_cost": 0.0006,
                 "config": %s}""".formatted(start, end, config));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());

        double sum = 0;
        int paid = 0;
        for (JsonNode e : answer.get("executors")) {
            double funding = e.get("cum_funding_quote").asDouble();
            sum += funding;
            if (e.get("filled_amount_quote").asDouble() == 0) {
                assertThat(funding).as("executor %s never held a position", e.get("id")).isZero();
                continue;
            }
            FundingBounds expected = expectedFunding(e, rates, candles, end + 60, amountStep);
            assertThat(funding).as("executor %s", e.get("id"))
                    .isCloseTo(expected.certain(), within(expected.uncertain() + Math.abs(expected.certain()) * 0.01));
            if (Math.abs(expected.certain()) > expected.uncertain()) {
                paid++;
            }
        }
        assertThat(paid).as("executors whose funding the check pins down").isPositive();
        assertThat(answer.get("results").get("total_funding_quote").asDouble()).isCloseTo(sum, within(1e-6));
    }

    /** The funding an executor surely paid, and the most the events at its two ends can add or take. */
    private record FundingBounds(double certain, double uncertain) {
    }

    private static FundingBounds expectedFunding(JsonNode executor, JsonNode rates, JsonNode candles, long lastClose,
            BigDecimal amountStep) {
        long opened = executor.get("timestamp").asLong();
        JsonNode closedAt = executor.get("close_timestamp");
        long closed = closedAt.isNull() ? lastClose : closedAt.asLong();
        JsonNode config = executor.get("config");
        double base = config.get("amount").decimalValue().divide(amountStep, 0, RoundingMode.DOWN).multiply(amountStep)
                .doubleValue();
        double side = config.get("side").asInt() == 1 ? 1 : -1;
        double certain = 0;
        double uncertain = 0;
        for (JsonNode rate : rates) {
            long t = rate.get("timestamp").asLong();
            double payment = -side * base * closeOfCandleClosingAtOrAfter(candles, t) * rate.get("funding_rate").asDouble();
            boolean nearAnEnd = Math.abs(t - opened) <= 120 || (!closedAt.isNull() && Math.abs(t - closed) <= 120);
            if (nearAnEnd) {
                uncertain += Math.abs(payment);
            } else if (t > opened && t <= closed) {
                certain += payment;
            }
        }
        return new FundingBounds(certain, uncertain);
    }

    private static double closeOfCandleClosingAtOrAfter(JsonNode candles, long t) {
        for (JsonNode c : candles) {
            if (c.get("timestamp").asLong() + 60 >= t) {
                return c.get("close").asDouble();
            }
        }
        throw new AssertionError("no candle closes at or after " + t);
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
