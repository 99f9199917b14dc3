package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The venue dies: placing fails fast with an honest 503, reads keep answering from the database,
 * the order that could not be confirmed is settled by reconciliation, and trading resumes by itself
 * when the venue is back, without restarting trading-service.
 */
class TradingVenueOutageTest {

    @Test
    void aDeadVenueIsA503AndTradingResumesWhenItReturns() {
        RunningSuite suite = RunningSuite.get();
        TradingDesk desk = TradingDesk.open(suite, "desk_outage", "sim");
        String price = desk.bestBid("sim", "BTC-USDT").multiply(new BigDecimal("0.7")).setScale(2, RoundingMode.DOWN)
                .toPlainString();
        desk.placed("sim", "BTC-USDT", "BUY", "LIMIT", "0.001", price);
        String unconfirmed = "outage-" + UUID.randomUUID().toString().substring(0, 8);

        suite.killService("sim-exchange");
        try {
            long t0 = System.nanoTime();
            Http.Response refused = desk.api.postJson("/trading/orders",
                    desk.orderJson("sim", "BTC-USDT", "BUY", "LIMIT", "0.001", price, unconfirmed));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.body()).contains("did not confirm").contains("retrying with the same client_order_id is safe");
            assertThat(millis).as("fail fast, not after the gateway's 30 s timeout").isLessThan(15_000);

            Http.Response search = desk.list("/trading/orders/search", "");
            assertThat(search.status()).as("reads come from the database").isEqualTo(200);
        } finally {
            suite.startService("sim-exchange");
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(desk.order("sim", "BTC-USDT", "BUY", "LIMIT", "0.001", price).status()).isEqualTo(201));
        // the unconfirmed order never reached the venue: reconciliation marks that very order FAILED, with
        // that reason, after the placement grace
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Http.Response orders = desk.list("/trading/orders/search", "\"limit\":1000");
            List<Map<String, Object>> mine = JsonPath.read(orders.body(), "$.data[?(@.order_id == '" + unconfirmed + "')]");
            assertThat(mine).as("the order the venue did not confirm, in %s", orders).singleElement().satisfies(order -> {
                assertThat(order).containsEntry("status", "FAILED");
                assertThat((String) order.get("error_message")).contains("it never reached the venue");
            });
        });
    }
}
