package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.devstack.RunningSuite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Closed-loop order placement on sim through the gateway and straight to trading-service (same
 * requests, internal token instead of Basic auth), so the gateway's share of the latency shows.
 * Every order is persisted, sent to the venue, its answer recorded and its events published.
 * A benchmark, not a test: run it on purpose (command in docs/benchmarks.md), never in CI.
 */
@EnabledIfSystemProperty(named = "aviary.bench", matches = "true")
class OrderPlacementBenchmark {

    private static final int ORDERS = Integer.getInteger("bench.orders", 2000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 300);

    @Test
    void placeOrdersThroughTheGatewayAndDirect() throws Exception {
        RunningSuite suite = RunningSuite.get();
        // one account per path; every order is a SELL at three times the market that locks only ~5.5 USDT of BTC
        TradingDesk desk = TradingDesk.open(suite, "bench_gw_" + System.nanoTime() % 100000, "sim");
        TradingDesk directDesk = TradingDesk.open(suite, "bench_direct_" + System.nanoTime() % 100000, "sim");
        String gatewayOrder = desk.restingSellJson("sim", "BTC-USDT");
        String directOrder = directDesk.restingSellJson("sim", "BTC-USDT");
        Http direct = Http.to(suite.serviceUrl("trading-service")).header("X-Aviary-Internal-Token", suite.internalToken());

        run(desk.api, gatewayOrder, WARMUP, "warm-up (gateway)");
        run(direct, directOrder, WARMUP, "warm-up (direct)");
        Result viaGateway = run(desk.api, gatewayOrder, ORDERS, "gateway");
        Result straight = run(direct, directOrder, ORDERS, "direct");
        System.out.printf("BENCH gateway overhead p50 %.2f ms, p99 %.2f ms%n",
                viaGateway.p50() - straight.p50(), viaGateway.p99() - straight.p99());
    }

    record Result(double p50, double p99, double perSecond) {
    }

    private static Result run(Http http, String body, int orders, String label)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        Http.Response response = http.postJson("/trading/orders", body);
                        latencies.add(System.nanoTime() - t0);
                        assertThat(response.status()).as(response.toString()).isEqualTo(201);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Result result = new Result(ms(sorted.get(sorted.size() / 2)), ms(sorted.get((int) (sorted.size() * 0.99))),
                orders / seconds);
        System.out.printf("BENCH %-18s %5d orders, %2d clients: %7.1f orders/s, p50 %6.2f ms, p99 %6.2f ms%n", label,
                orders, CLIENTS, result.perSecond(), result.p50(), result.p99());
        return result;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
