package io.aviary.archive.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.archive.domain.PageRequest;
import io.aviary.archive.domain.Performance;
import io.aviary.archive.infra.BotSqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The bound: a large bot database (default 1 GiB, {@code -Daviary.bench.bytes=…}) built from Hummingbot's
 * DDL with a fill and its order per trade on four pairs, then timed through HTTP: indexing (the first summary),
 * summaries from the index, a first and a middle page of trades, a filtered orders page, the performance pass that
 * stores an archive's performance once, and performance answered from that store (first and middle rows). Run it with a small heap ({@code -DargLine=-Xmx256m}) to show the memory bound. Not a test: run with
 * {@code -Daviary.bench=true}; figures in docs/benchmarks.md. The file is deleted afterwards.
 */
@EnabledIfSystemProperty(named = "aviary.bench", matches = "true")
class ArchiveBenchmark extends ArchiveHttpTestBase {

    private static final String PATH = "bots/archived/bench_bot/data/conf_bench.sqlite";
    private static final String[] PAIRS = {"BTC-USDT", "ETH-USDT", "SOL-USDT", "XRP-USDT"};

    /** The production segment size (the module tests use tiny segments to cross their boundaries). */
    @DynamicPropertySource
    static void productionSegments(DynamicPropertyRegistry registry) {
        registry.add("aviary.archive.performance-segment", () -> "1000");
    }

    @Test
    void summaryAndAPageOfTradesOfALargeDatabase() throws Exception {
        long target = Long.getLong("aviary.bench.bytes", 1L << 30);
        Path file = ARCHIVED.resolve("bench_bot").resolve("data").resolve("conf_bench.sqlite");
        try {
            long started = System.nanoTime();
            long fills = generate(file, target);
            report("generate", "%d fills + %d orders, %.0f MB in %.1f s", fills, fills, Files.size(file) / 1e6,
                    (System.nanoTime() - started) / 1e9);

            time("index (first summary: counts and markets)", 1, () -> get("/archived-bots/" + PATH + "/summary"));
            time("summary (from the index)", 5, () -> get("/archived-bots/" + PATH + "/summary"));
            time("trades page 1 (limit 100)", 5, () -> get("/archived-bots/" + PATH + "/trades?limit=100"));
            time("trades page in the middle (limit 100)", 3,
                    () -> get("/archived-bots/" + PATH + "/trades?limit=100&offset=" + fills / 2));
            time("orders page 1 (limit 100)", 5, () -> get("/archived-bots/" + PATH + "/orders?limit=100"));
            time("orders ?status=OrderCancelled (counts matches)", 1,
                    () -> get("/archived-bots/" + PATH + "/orders?limit=100&status=OrderCancelled"));
            // what every performance call cost before it was stored: the same pass, without storing (same load)
            time("a fresh pass over every fill, in-process, not stored", 1, () -> {
                Performance pass = new Performance(new PageRequest(100, 0));
                try (BotSqlite database = BotSqlite.open(file)) {
                    database.streamFills(pass::accept);
                }
                return new Answer(200, null, Long.toString(pass.totalTrades()));
            });
            time("performance, first call (one pass over every fill, stored with its segments)", 1,
                    () -> get("/archived-bots/" + PATH + "/performance?limit=100"));
            time("performance from the store (100 rows)", 5,
                    () -> get("/archived-bots/" + PATH + "/performance?limit=100"));
            time("performance from the store (1,000 rows, the default)", 5,
                    () -> get("/archived-bots/" + PATH + "/performance"));
            time("performance from the store, rows in the middle (limit 100)", 3,
                    () -> get("/archived-bots/" + PATH + "/performance?limit=100&offset=" + (fills / 2 + 777)));
            Runtime runtime = Runtime.getRuntime();
            report("heap", "max %d MB", runtime.maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void time(String what, int runs, Supplier<Answer> call) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Answer answer = call.get();
            ms.add((System.nanoTime() - start) / 1e6);
            assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(200);
        }
        Collections.sort(ms);
        report(what, "median %.1f ms (min %.1f, max %.1f, %d runs)", ms.get(ms.size() / 2), ms.getFirst(),
                ms.getLast(), runs);
    }

    private static void report(String what, String format, Object... args) {
        System.out.println("BENCH " + what + ": " + String.format(format, args));
    }

    /** Fills and orders in chunks of 50,000 until the file reaches {@code target} bytes. */
    private static long generate(Path file, long target) throws SQLException, java.io.IOException {
        Random random = new Random(42);
        long fills = 0;
        double[] prices = {60_000, 3_000, 150, 0.6};
        try (Connection c = ArchiveDatabases.create(file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=OFF");
                s.execute("PRAGMA synchronous=OFF");
                for (String ddl : ArchiveDatabases.hummingbotSchema()) {
                    s.execute(ddl);
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement order = c.prepareStatement("INSERT INTO \"Order\" VALUES "
                    + "(?, 'conf_bench.yml', 'v2_with_controllers', 'binance', ?, ?, 'USDT', ?, 'LIMIT', ?, 1, ?, ?, ?,"
                    + " ?, 'NIL')");
                    PreparedStatement fill = c.prepareStatement("INSERT INTO \"TradeFill\" VALUES "
                            + "('conf_bench.yml', 'v2_with_controllers', 'binance', ?, ?, 'USDT', ?, ?, ?, 'LIMIT', ?,"
                            + " ?, 1, ?, ?, ?, 'NIL')")) {
                while (Files.size(file) < target) {
                    for (int i = 0; i < 50_000; i++, fills++) {
                        int p = (int) (fills % PAIRS.length);
                        prices[p] *= 1 + (random.nextDouble() - 0.5) * 0.002;
                        long price = (long) (prices[p] * 1e6);
                        long amount = 1_000 + random.nextInt(100_000_000 / (p + 1) / 1000);
                        long at = 1_735_689_600_000L + fills * 250;
                        String id = "x-MG43PCSN" + Long.toString(fills, 36) + "BTUT6";
                        boolean buy = random.nextBoolean();
                        String status = fills % 50 == 0 ? "OrderCancelled" : buy ? "BuyOrderCompleted"
                                : "SellOrderCompleted";
                        order.setString(1, id);
                        order.setString(2, PAIRS[p]);
                        order.setString(3, PAIRS[p].substring(0, 3));
                        order.setLong(4, at - 100);
                        order.setLong(5, amount);
                        order.setLong(6, price);
                        order.setString(7, status);
                        order.setLong(8, at);
                        order.setString(9, Long.toString(9_000_000_000L + fills));
                        order.addBatch();
                        fill.setString(1, PAIRS[p]);
                        fill.setString(2, PAIRS[p].substring(0, 3));
                        fill.setLong(3, at);
                        fill.setString(4, id);
                        fill.setString(5, buy ? "BUY" : "SELL");
                        fill.setLong(6, price);
                        fill.setLong(7, amount);
                        fill.setString(8, "{\"fee_type\": \"AddedToCost\", \"percent\": \"0.001\", \"percent_token\":"
                                + " \"USDT\", \"flat_fees\": []}");
                        fill.setLong(9, price / 1_000_000 * amount / 1000);
                        fill.setString(10, Long.toString(7_000_000_000L + fills));
                        fill.addBatch();
                    }
                    order.executeBatch();
                    fill.executeBatch();
                    c.commit();
                }
            }
        }
        return fills;
    }
}
