package io.aviary.backtesting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmark "a sweep of 100 configurations over one month: wall time on 2 cores": bollinger_v1 over 44,640
 * 1m candles of the fake market (read once from the fake market-data-service over HTTP), 10 bb_length × 10 stop_loss
 * values, two workers, timed from the POST to the sweep reading completed (polled every 20 ms), variants and
 * ranking in the embedded PostgreSQL. A one-variant sweep over the same month gives the fixed part (candles read
 * and parsed, one run). Not a test: run with {@code -Daviary.bench=true}; figures in docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "aviary.bench", matches = "true")
class SweepBenchmark extends BacktestingHttpTestBase {

    private static final long MONTH_END = DAY_START + 31 * 86_400L - 60;

    @DynamicPropertySource
    static void twoWorkers(DynamicPropertyRegistry registry) {
        registry.add("aviary.backtesting.workers", () -> "2");
        registry.add("aviary.backtesting.queue-capacity", () -> "16");
    }

    @Test
    void aHundredConfigurationsOverOneMonthOnTwoWorkers() {
        String hundred = """
                "parameters": {"bb_length": {"min": 20, "max": 65, "step": 5},
                               "stop_loss": {"min": 0.005, "max": 0.05, "step": 0.005}}""";
        String one = """
                "parameters": {"bb_length": [20]}""";
        time(one, 1); // warm-up: JIT, connection pool
        time(hundred, 100);
        List<Long> singles = new ArrayList<>();
        List<Long> sweeps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            singles.add(time(one, 1));
            sweeps.add(time(hundred, 100));
        }
        System.out.printf("SWEEP BENCH cores=%d one variant (44,640 candles): %s ms; 100 variants: %s ms%n",
                Runtime.getRuntime().availableProcessors(), singles, sweeps);
    }

    private long time(String fields, int variants) {
        String base = """
                {"start_time": %d, "end_time": %d, "backtesting_resolution": "1m", "trade_cost": 0.0006,
                 "config": %s, %s}""".formatted(DAY_START, MONTH_END, bollinger(""), fields);
        long start = System.nanoTime();
        Answer submitted = post("/backtesting/sweeps", base);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String id = submitted.json().get("sweep_id").asString();
        Answer done = awaitPath("/backtesting/sweeps/" + id,
                s -> !s.json().get("status").asString().matches("pending|running"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(done.json().get("status").asString()).as(done.body()).isEqualTo("completed");
        assertThat(done.json().get("completed_variants").asInt()).isEqualTo(variants);
        assertThat(done.json().get("ranking").get(0).get("results").get("total_executors").asInt()).isPositive();
        return millis;
    }
}
