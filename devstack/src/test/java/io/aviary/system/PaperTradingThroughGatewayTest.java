package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sim_paper_trade through the gateway: a credential without fields opens a paper session in
 * trading-service, a market order fills against the sim venue's live book, the virtual balances
 * reach the portfolio, and they survive a restart of trading-service.
 */
class PaperTradingThroughGatewayTest {

    @Test
    void paperOrdersFillAgainstTheVenueBookAndBalancesSurviveARestart() {
        RunningSuite suite = RunningSuite.get();
        Http api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        assertThat(api.post("/accounts/add-account?account_name=desk_paper").status()).isEqualTo(201);
        Http.Response added = api.postJson("/accounts/add-credential/desk_paper/sim_paper_trade", "{}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        String order = "{\"account_name\":\"desk_paper\",\"connector_name\":\"sim_paper_trade\",\"trading_pair\":\"ETH-USDT\","
                + "\"trade_type\":\"BUY\",\"order_type\":\"MARKET\",\"amount\":0.5}";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response placed = api.postJson("/trading/orders", order);
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Http.Response trades = api.postJson("/trading/trades", "{\"account_names\":[\"desk_paper\"]}");
            List<Object> amounts = JsonPath.read(trades.body(), "$.data[*].amount");
            BigDecimal filled = amounts.stream().map(a -> new BigDecimal(a.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(filled).isEqualByComparingTo("0.5");
        });
        // Hummingbot's paper defaults: ETH 20 to start, 0.5 bought
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eth(api)).isEqualByComparingTo("20.5"));

        suite.restartService("trading-service");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Http.Response placed = api.postJson("/trading/orders", order);
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eth(api)).isEqualByComparingTo("21"));
    }

    private static BigDecimal eth(Http api) {
        Http.Response state = api.get("/portfolio/state?account_names=desk_paper");
        List<Map<String, Object>> eth = JsonPath.read(state.body(), "$.desk_paper.sim_paper_trade[?(@.token == 'ETH')]");
        assertThat(eth).as(state.toString()).hasSize(1);
        return new BigDecimal(eth.getFirst().get("units").toString());
    }
}
