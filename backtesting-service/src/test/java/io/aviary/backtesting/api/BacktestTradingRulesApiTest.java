package io.aviary.backtesting.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.strategy.executor.CloseType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A backtest reads the pair's trading rules from market-data-service once and trades what the venue would accept:
 * amounts rounded down to the step, orders below the minimums refused.
 */
class BacktestTradingRulesApiTest extends BacktestingHttpTestBase {

    private static String config(String pair) {
        return """
                {"id": "bb_rules", "controller_name": "bollinger_v1", "controller_type": "directional_trading",
                 "total_amount_quote": "1000", "connector_name": "sim", "trading_pair": "%s",
                 "candles_connector": "sim", "candles_trading_pair": "%s", "interval": "1m",
                 "bb_length": 20, "stop_loss": "0.01", "take_profit": "0.01", "time_limit": 1800,
                 "cooldown_time": 60}""".formatted(pair, pair);
    }

    private JsonNode run(String pair) {
        int before = rulesReads.get();
        Answer answer = post("/backtesting/run", dayBody(config(pair)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(rulesReads.get()).as("rules read once per run").isEqualTo(before + 1);
        return answer.json();
    }

    @Test
    void ordersAreRoundedDownToTheStepOfTheRulesMarketDataServes() {
        // amount step 1 base: an executor asked for 4.81 base trades 4 in and 4 out. Prices of the fake series stay
        // within 96..104, so filled quote / whole units is two prices: 192..208 (unrounded, 4.81 base would give
        // about 240 per unit)
        JsonNode result = run(WHOLE_UNITS_PAIR);
        int fractional = 0;
        for (JsonNode e : result.get("executors")) {
            double amount = e.get("config").get("amount").asDouble();
            double filled = e.get("filled_amount_quote").asDouble();
            if (filled == 0) {
                continue;
            }
            if (amount - Math.floor(amount) > 0.1) {
                fractional++;
            }
            assertThat(filled / Math.floor(amount)).as("executor asked for %s base", amount).isBetween(190.0, 210.0);
        }
        assertThat(fractional).as("executors whose amount the step cuts").isPositive();
    }

    @Test
    void aPairWithoutRulesTradesItsAmountsUnrounded() {
        JsonNode result = run("BTC-USDT"); // market-data-service lists no rule for it (404): no constraints
        for (JsonNode e : result.get("executors")) {
            double filled = e.get("filled_amount_quote").asDouble();
            if (filled > 0) {
                assertThat(filled / e.get("config").get("amount").asDouble()).isBetween(190.0, 210.0);
            }
        }
    }

    @Test
    void ordersBelowTheMinimumNotionalAreRefusedAndTheirExecutorsFail() {
        JsonNode result = run(BIG_MINIMUM_PAIR);
        assertThat(result.get("executors")).isNotEmpty();
        for (JsonNode e : result.get("executors")) {
            assertThat(e.get("close_type").asInt()).isEqualTo(CloseType.FAILED.code());
            assertThat(e.get("filled_amount_quote").asDouble()).isZero();
        }
        assertThat(result.get("results").get("total_volume").asDouble()).isZero();
    }

    @Test
    void marketDataFailingOnTheRulesIs503LikeTheCandleRead() {
        Answer answer = post("/backtesting/run", dayBody(config(RULES_DOWN_PAIR)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.json().get("detail").asString()).contains("market-data-service");
    }
}
