package io.aviary.backtesting.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Perpetual backtests read funding rates from market-data-service and pay them; spot ones read none. */
class BacktestFundingApiTest extends BacktestingHttpTestBase {

    /** bollinger_v1 with wide barriers and a 12 h time limit: its positions stay open across funding times. */
    private static String config(String connector, String pair) {
        return """
                {"id": "bb_funding", "controller_name": "bollinger_v1", "controller_type": "directional_trading",
                 "total_amount_quote": "1000", "connector_name": "%s", "trading_pair": "%s",
                 "candles_connector": "%s", "candles_trading_pair": "%s", "interval": "1m",
                 "bb_length": 20, "stop_loss": "0.5", "take_profit": "0.5", "time_limit": 43200,
                 "cooldown_time": 60}""".formatted(connector, pair, connector, pair);
    }

    @Test
    void aPerpetualBacktestPaysFundingOnItsOpenPositionsAndReportsIt() {
        int readsBefore = fundingReads.get();
        Answer answer = post("/backtesting/run", dayBody(config("sim_perpetual", "BTC-USDT")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(fundingReads.get()).isEqualTo(readsBefore + 1);
        JsonNode results = answer.json().get("results");
        double total = results.get("total_funding_quote").asDouble();
        // positions are held across 08:00 and 16:00; longs pay and shorts receive 0.01 % of their notional each time
        assertThat(total).isNotZero();
        double perExecutor = 0;
        for (JsonNode e : answer.json().get("executors")) {
            double funding = e.get("cum_funding_quote").asDouble();
            if (funding != 0) {
                assertThat(Math.signum(funding)).as("a long pays, a short receives a positive rate")
                        .isEqualTo(e.get("custom_info").get("side").asInt() == 1 ? -1.0 : 1.0);
            }
            perExecutor += funding;
        }
        // nothing is held (held funding would be in the holds' realized PnL): the executors carry all of it
        assertThat(answer.json().get("position_holds")).isEmpty();
        assertThat(perExecutor).isCloseTo(total, Offset.offset(1e-9));
    }

    @Test
    void aSpotBacktestReadsNoFundingAndPaysNone() {
        int readsBefore = fundingReads.get();
        Answer answer = post("/backtesting/run-backtesting", dayBody(config("sim", "BTC-USDT")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(fundingReads.get()).isEqualTo(readsBefore);
        assertThat(answer.json().get("results").get("total_funding_quote").asDouble()).isZero();
    }

    @Test
    void aPerpetualDayWithoutFundingRatesIs422WithTheReason() {
        Answer answer = post("/backtesting/run-backtesting", dayBody(config("sim_perpetual", NO_FUNDING_PAIR)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.json().get("detail").asString()).contains("No funding rates of sim_perpetual " + NO_FUNDING_PAIR);
    }
}
