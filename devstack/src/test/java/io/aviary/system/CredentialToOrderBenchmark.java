package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long a client waits from sending add-credential to having its first order accepted, over fresh accounts,
 * with no pause between the two calls (the read-your-writes rule of issue 9; aim: p99 under 500 ms). Each sample
 * is add-credential (one authenticated venue call to verify the key, sealed and stored) plus the first
 * place-order (the session opened on demand from the vault, the order validated, recorded and sent).
 * A benchmark, not a test: run it on purpose (command in docs/benchmarks.md), never in CI.
 */
@EnabledIfSystemProperty(named = "aviary.bench", matches = "true")
class CredentialToOrderBenchmark {

    private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 100);

    @Test
    void credentialAddedToFirstOrderAccepted() {
        RunningSuite suite = RunningSuite.get();
        Http api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        TradingDesk reader = TradingDesk.open(suite, "bench_ryw_reader_" + System.nanoTime() % 100000, "sim");
        String price = reader.bestBid("sim", "BTC-USDT").multiply(new BigDecimal("0.7")).setScale(2, RoundingMode.DOWN)
                .toPlainString();
        String prefix = "bench_ryw_" + System.nanoTime() % 100000 + "_";

        List<Long> credential = new ArrayList<>();
        List<Long> firstOrder = new ArrayList<>();
        List<Long> total = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = prefix + i;
            assertThat(api.post("/accounts/add-account?account_name=" + account).status()).isEqualTo(201);
            SimApiKeys.Created key = SimKeys.create(suite);
            String order = "{\"account_name\":\"" + account + "\",\"connector_name\":\"sim\",\"trading_pair\":\"BTC-USDT\","
                    + "\"trade_type\":\"BUY\",\"order_type\":\"LIMIT\",\"amount\":0.001,\"price\":" + price + "}";

            long t0 = System.nanoTime();
            Http.Response added = api.postJson("/accounts/add-credential/" + account + "/sim", SimKeys.credentialJson(key, "sim"));
            long t1 = System.nanoTime();
            Http.Response placed = api.postJson("/trading/orders", order);
            long t2 = System.nanoTime();
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            credential.add(t1 - t0);
            firstOrder.add(t2 - t1);
            total.add(t2 - t0);
        }
        report("add-credential", credential);
        report("first order", firstOrder);
        report("credential to order", total);
    }

    private static void report(String label, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("BENCH %-20s %3d accounts: p50 %7.2f ms, p99 %7.2f ms, max %7.2f ms%n", label, sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6,
                sorted.getLast() / 1e6);
    }
}
