package io.aviary.system;

import io.aviary.devstack.RunningSuite;
import java.io.IOException;
import java.nio.file.Files;
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
 * {@code -Dbench.secondGateway="<flags>"} adds a second gateway JVM with other flags as a third path of the same run.
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

    /** One way to send a request: through a gateway or straight to the service. */
    record Path(String name, Supplier<Http.Response> send) {
    }

    /**
     * One kind of request on every path (the direct one last), the status that counts as success, and the module that
     * serves it (whose CPU time per request is measured beside the gateway's).
     */
    record Scenario(String name, List<Path> paths, int expected, String service) {
    }

    /**
     * What one path measured: latencies in nanoseconds (sorted), failures, the time it ran, and the CPU time (utime +
     * stime from /proc, milliseconds) the gateway and the serving module spent meanwhile.
     */
    record Measured(long[] sortedNanos, int failures, double seconds, double gatewayCpuMs, double serviceCpuMs) {
        Measured withCpu(double gatewayMs, double serviceMs) {
            return new Measured(sortedNanos, failures, seconds, gatewayMs, serviceMs);
        }

        /** CPU milliseconds per answered request; far less sensitive to the machine's load than throughput. */
        double perRequest(double cpuMs) {
            return sortedNanos.length == 0 ? Double.NaN : cpuMs / sortedNanos.length;
        }

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
        StringBuilder table = new StringBuilder();
        String secondUrl = secondGateway(suite, table);
        List<Scenario> scenarios = new ArrayList<>();
        if (SCENARIOS.contains("accounts")) {
            List<Path> paths = new ArrayList<>();
            for (String url : gateways(suite, secondUrl)) {
                Http gateway = Http.to(url).basicAuth(suite.username(), suite.password());
                paths.add(new Path(gatewayName(suite, url), () -> gateway.get("/accounts/")));
            }
            Http direct = Http.to(suite.serviceUrl("accounts-service")).header("X-Aviary-Internal-Token", suite.internalToken());
            paths.add(new Path("direct", () -> direct.get("/accounts/")));
            scenarios.add(new Scenario("GET /accounts/", paths, 200, "accounts-service"));
        }
        if (SCENARIOS.contains("orders")) {
            // one account per path, each order a SELL that rests far above the market (OrderPlacementBenchmark's set-up)
            TradingDesk viaGateway = TradingDesk.open(suite, "gwbench_gw_" + System.nanoTime() % 100000, "sim");
            TradingDesk straight = TradingDesk.open(suite, "gwbench_direct_" + System.nanoTime() % 100000, "sim");
            String gatewayOrder = viaGateway.restingSellJson("sim", "BTC-USDT");
            String directOrder = straight.restingSellJson("sim", "BTC-USDT");
            Http direct = Http.to(suite.serviceUrl("trading-service")).header("X-Aviary-Internal-Token", suite.internalToken());
            List<Path> paths = new ArrayList<>();
            for (String url : gateways(suite, secondUrl)) {
                Http gateway = Http.to(url).basicAuth(suite.username(), suite.password());
                paths.add(new Path(gatewayName(suite, url), () -> gateway.postJson("/trading/orders", gatewayOrder)));
            }
            paths.add(new Path("direct", () -> direct.postJson("/trading/orders", directOrder)));
            scenarios.add(new Scenario("POST /trading/orders (sim)", paths, 201, "trading-service"));
        }
        table.append(String.format("load average at start: %s%n", loadAverage()));
        table.append(String.format("%-28s %7s %-10s | %9s %8s %8s | %11s %12s %10s | %10s %10s%n", "request", "clients", "path",
                "req/s", "p50 ms", "p99 ms", "thr/direct", "p50-direct", "p99/direct", "gw CPU ms", "svc CPU ms"));
        for (Scenario scenario : scenarios) {
            for (int clients : CLIENTS) {
                for (Path path : scenario.paths()) {
                    run(path.send(), scenario.expected(), clients, WARMUP_SECONDS);
                }
                List<List<Measured>> rounds = new ArrayList<>();
                scenario.paths().forEach(path -> rounds.add(new ArrayList<>()));
                for (int round = 0; round < ROUNDS; round++) {
                    for (int i = 0; i < scenario.paths().size(); i++) {
                        long gatewayBefore = cpuMillis(suite, "gateway");
                        long serviceBefore = cpuMillis(suite, scenario.service());
                        Measured m = run(scenario.paths().get(i).send(), scenario.expected(), clients, SECONDS / ROUNDS);
                        rounds.get(i).add(m.withCpu(cpuMillis(suite, "gateway") - gatewayBefore,
                                cpuMillis(suite, scenario.service()) - serviceBefore));
                    }
                }
                Measured direct = merge(rounds.getLast());
                for (int i = 0; i < scenario.paths().size(); i++) {
                    Measured m = merge(rounds.get(i));
                    String line = String.format("%-28s %7d %-10s | %9.1f %8.2f %8.2f | %10.0f%% %12.2f %10.2f | %10.3f %10.3f%s%n",
                            scenario.name(), clients, scenario.paths().get(i).name(), m.perSecond(), m.p(0.5), m.p(0.99),
                            100 * m.perSecond() / direct.perSecond(), m.p(0.5) - direct.p(0.5), m.p(0.99) / direct.p(0.99),
                            m.perRequest(m.gatewayCpuMs()), m.perRequest(m.serviceCpuMs()),
                            m.failures() == 0 ? "" : "  FAILED " + m.failures());
                    table.append(line);
                    System.out.print("BENCH " + line);
                }
            }
        }
        table.append(String.format("load average at end: %s%n", loadAverage()));
        System.out.println("BENCH table\n" + table);
        Files.writeString(java.nio.file.Path.of("target", "gateway-bench.txt"), table);
    }

    /**
     * With {@code -Dbench.secondGateway="<JVM flags>"}: a second gateway JVM of the same suite with those flags on top
     * (e.g. {@code -XX:TieredStopAtLevel=4}), measured as its own path in the same run; its start-up time is noted.
     */
    private static String secondGateway(RunningSuite suite, StringBuilder table) {
        String flags = System.getProperty("bench.secondGateway", "");
        if (flags.isBlank()) {
            return null;
        }
        int port = RunningSuite.freePort();
        long t0 = System.nanoTime();
        RunningSuite.Extra extra = suite.launchExtra("gateway", port,
                java.util.Map.of(io.aviary.devstack.SuiteConfig.perServiceJvmOptionsVariable("gateway"), flags));
        if (!extra.awaitHealthy(java.time.Duration.ofSeconds(180))) {
            throw new IllegalStateException("the second gateway did not start");
        }
        table.append(String.format("gateway-2 = a second gateway with %s on top of the suite's flags; healthy %.1f s after launch%n",
                flags, (System.nanoTime() - t0) / 1e9));
        return "http://127.0.0.1:" + port;
    }

    private static List<String> gateways(RunningSuite suite, String secondUrl) {
        return secondUrl == null ? List.of(suite.gatewayUrl()) : List.of(suite.gatewayUrl(), secondUrl);
    }

    private static String gatewayName(RunningSuite suite, String url) {
        return url.equals(suite.gatewayUrl()) ? "gateway" : "gateway-2";
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
                    Arrays.stream(failures).sum(), took, 0, 0);
        }
    }

    private static Measured merge(List<Measured> parts) {
        return new Measured(parts.stream().flatMapToLong(m -> Arrays.stream(m.sortedNanos())).sorted().toArray(),
                parts.stream().mapToInt(Measured::failures).sum(), parts.stream().mapToDouble(Measured::seconds).sum(),
                parts.stream().mapToDouble(Measured::gatewayCpuMs).sum(), parts.stream().mapToDouble(Measured::serviceCpuMs).sum());
    }

    /** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ: 100 on every Linux this runs on). */
    private static final long TICKS_PER_SECOND = 100;

    /**
     * CPU time (user + system, all threads) the module's process has used so far, in milliseconds: fields 14 and 15 of
     * /proc/<pid>/stat, counted after the ")" closing the command name (which may contain spaces).
     */
    private static long cpuMillis(RunningSuite suite, String module) {
        long pid = suite.suite().service(module).pid();
        try {
            String stat = Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state), so utime (14) and stime (15) are fields[11] and fields[12]
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("no /proc stat for " + module + " (pid " + pid + ")", e);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
