package io.aviary.system;

import io.aviary.devstack.RunningSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The gateway's cost, measured side by side in one run (issue 16): the same closed-loop load generator (N virtual
 * threads on the system tests' HTTP client) drives each request through the gateway (Basic auth) and straight to the
 * owning service (the internal token the gateway would add), for a small GET and for order placement on sim. Paths
 * alternate in rounds after a warm-up, so a change of machine load mid-run hits both alike. Prints a table with
 * p50/p99/throughput per path and the gateway/direct ratios, and writes it to {@code devstack/target/gateway-bench.txt}.
 * A benchmark, not a test: {@code scripts/bench-gateway} runs it (docs/benchmarks.md), never CI.
 */
@EnabledIfSystemProperty(named = "aviary.bench", matches = "true")
class GatewayBench {

    private static final List<Integer> CLIENTS = Arrays.stream(System.getProperty("bench.clients", "1,16").split(","))
            .map(String::strip).map(Integer::parseInt).toList();
    private static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("bench.warmup", "8"));
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final List<String> SCENARIOS = List.of(System.getProperty("bench.scenarios", "accounts,orders").split(","));

    /** One kind of request on both paths: what to send, and the status that counts as success. */
    record Scenario(String name, Supplier<Http.Response> viaGateway, Supplier<Http.Response> direct, int expected) {
    }

    /** What one path measured: latencies in nanoseconds (sorted), requests, failures and the time it ran. */
    record Measured(long[] sortedNanos, int failures, double seconds) {
        double p(double quantile) {
            return sortedNanos.length == 0 ? Double.NaN
                    : sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * quantile))] / 1e6;
        }

        double perSecond() {
            return sortedNanos.length / seconds;
        }
    }

    @Test
    void gatewayVersusDirect() throws Exception {
        RunningSuite suite = RunningSuite.get();
        List<Scenario> scenarios = new ArrayList<>();
        if (SCENARIOS.contains("accounts")) {
            Http gateway = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
            Http direct = Http.to(suite.serviceUrl("accounts-service")).header("X-Aviary-Internal-Token", suite.internalToken());
            scenarios.add(new Scenario("GET /accounts/", () -> gateway.get("/accounts/"), () -> direct.get("/accounts/"), 200));
        }
        if (SCENARIOS.contains("orders")) {
            // one account per path, each order a SELL that rests far above the market (OrderPlacementBenchmark's set-up)
            TradingDesk viaGateway = TradingDesk.open(suite, "gwbench_gw_" + System.nanoTime() % 100000, "sim");
            TradingDesk straight = TradingDesk.open(suite, "gwbench_direct_" + System.nanoTime() % 100000, "sim");
            String gatewayOrder = viaGateway.restingSellJson("sim", "BTC-USDT");
            String directOrder = straight.restingSellJson("sim", "BTC-USDT");
            Http direct = Http.to(suite.serviceUrl("trading-service")).header("X-Aviary-Internal-Token", suite.internalToken());
            scenarios.add(new Scenario("POST /trading/orders (sim)", () -> viaGateway.api.postJson("/trading/orders", gatewayOrder),
                    () -> direct.postJson("/trading/orders", directOrder), 201));
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format("load average at start: %s%n", loadAverage()));
        table.append(String.format("%-28s %7s | %9s %8s %8s | %9s %8s %8s | %7s %7s %7s%n", "request", "clients",
                "gw req/s", "gw p50", "gw p99", "dir req/s", "dir p50", "dir p99", "thr %", "+p50 ms", "p99 x"));
        for (Scenario scenario : scenarios) {
            for (int clients : CLIENTS) {
                run(scenario.viaGateway(), scenario.expected(), clients, WARMUP_SECONDS);
                run(scenario.direct(), scenario.expected(), clients, WARMUP_SECONDS);
                List<Measured> gateway = new ArrayList<>();
                List<Measured> direct = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    gateway.add(run(scenario.viaGateway(), scenario.expected(), clients, SECONDS / ROUNDS));
                    direct.add(run(scenario.direct(), scenario.expected(), clients, SECONDS / ROUNDS));
                }
                Measured g = merge(gateway);
                Measured d = merge(direct);
                String line = String.format("%-28s %7d | %9.1f %8.2f %8.2f | %9.1f %8.2f %8.2f | %6.0f%% %7.2f %7.2f%s%n",
                        scenario.name(), clients, g.perSecond(), g.p(0.5), g.p(0.99), d.perSecond(), d.p(0.5), d.p(0.99),
                        100 * g.perSecond() / d.perSecond(), g.p(0.5) - d.p(0.5), g.p(0.99) / d.p(0.99),
                        g.failures() + d.failures() == 0 ? "" : "  FAILED gw " + g.failures() + " direct " + d.failures());
                table.append(line);
                System.out.print("BENCH " + line);
            }
        }
        table.append(String.format("load average at end: %s%n", loadAverage()));
        System.out.println("BENCH table\n" + table);
        Files.writeString(Path.of("target", "gateway-bench.txt"), table);
    }

    /** {@code clients} virtual threads sending {@code request} back to back for {@code seconds}. */
    private static Measured run(Supplier<Http.Response> request, int expected, int clients, double seconds) throws Exception {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Future<long[]>> results = new ArrayList<>();
        int[] failures = new int[clients];
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    long[] latencies = new long[1024];
                    int n = 0;
                    for (long t0 = System.nanoTime(); t0 < end; t0 = System.nanoTime()) {
                        Http.Response response = request.get();
                        long took = System.nanoTime() - t0;
                        if (response.status() != expected) {
                            if (failures[client]++ == 0) {
                                System.out.println("BENCH unexpected answer: " + response.toString().substring(0,
                                        Math.min(200, response.toString().length())));
                            }
                            continue;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : results) {
                all.add(f.get());
            }
            double took = (System.nanoTime() - start) / 1e9;
            return new Measured(all.stream().flatMapToLong(Arrays::stream).sorted().toArray(),
                    Arrays.stream(failures).sum(), took);
        }
    }

    private static Measured merge(List<Measured> parts) {
        return new Measured(parts.stream().flatMapToLong(m -> Arrays.stream(m.sortedNanos())).sorted().toArray(),
                parts.stream().mapToInt(Measured::failures).sum(), parts.stream().mapToDouble(Measured::seconds).sum());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
