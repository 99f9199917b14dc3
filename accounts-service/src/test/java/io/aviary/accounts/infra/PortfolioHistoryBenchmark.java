package io.aviary.accounts.infra;

import io.aviary.accounts.app.PortfolioService;
import io.aviary.accounts.domain.portfolio.HistoryPage;
import io.aviary.accounts.domain.portfolio.HistoryQuery;
import io.aviary.accounts.domain.portfolio.PortfolioFilter;
import io.aviary.accounts.domain.portfolio.PricingRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History page query time over 100k snapshot rows (10 accounts, 4 tokens each) on real
 * PostgreSQL, through the service and repository as the endpoint runs them (SQL, JSONB decoding,
 * page cut). Not a test: run with {@code -Dportfolio.bench=true}; figures go to stdout and
 * {@code target/portfolio-history-bench.txt}.
 */
@EnabledIfSystemProperty(named = "portfolio.bench", matches = "true")
class PortfolioHistoryBenchmark {

    private static final int ROWS = 100_000;
    private static final int ACCOUNTS = 10;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final int WARM_UP = 200;
    private static final int MEASURED = 500;

    @Test
    void historyPages() throws IOException {
        JdbcTemplate jdbc = TestDatabase.jdbc();
        // One snapshot per account every 5 minutes: 100k rows span ~35 days.
        jdbc.update("""
                INSERT INTO portfolio_snapshot (account_name, connector_name, observed_at, tokens)
                SELECT 'bench_' || (i % ?), 'sim', ?::timestamptz + ((i / ?) * interval '5 minutes'),
                       jsonb_build_array(
                         jsonb_build_object('token','BTC','units',0.5,'price',95000.12,'value',47500.06,'available_units',0.5),
                         jsonb_build_object('token','ETH','units',10,'price',3300.5,'value',33005,'available_units',9),
                         jsonb_build_object('token','SOL','units',100,'price',180.25,'value',18025,'available_units',100),
                         jsonb_build_object('token','USDT','units',10000,'price',1,'value',10000,'available_units',8000))
                FROM generate_series(0, ? - 1) AS i""",
                ACCOUNTS, START.toString(), ACCOUNTS, ROWS);
        jdbc.execute("ANALYZE portfolio_snapshot");
        PortfolioRepository repository = new PortfolioRepository(jdbc);
        PortfolioService service = new PortfolioService(repository, (c, m) -> {
            throw new AssertionError("no pricing in queries");
        }, new PricingRules(List.of()), new io.aviary.accounts.app.PortfolioFreshness(accounts -> java.util.Map.of(),
                repository, java.time.Duration.ZERO));

        Instant middle = START.plusSeconds((ROWS / ACCOUNTS / 2) * 300L);
        PortfolioFilter benchAccounts = PortfolioFilter.of(
                java.util.stream.IntStream.range(0, ACCOUNTS).mapToObj(i -> "bench_" + i).toList(), null);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "history page query over %,d snapshot rows (%d accounts x 4 tokens), %d runs after %d warm-up%n",
                ROWS, ACCOUNTS, MEASURED, WARM_UP));
        report.append(measure("newest page, limit 100, all accounts",
                () -> service.history(new HistoryQuery(benchAccounts, 100, null, null, null))));
        report.append(measure("page at a cursor mid-history, limit 100",
                () -> service.history(new HistoryQuery(benchAccounts, 100, middle, null, null))));
        report.append(measure("newest page, limit 1000, all accounts",
                () -> service.history(new HistoryQuery(benchAccounts, 1000, null, null, null))));
        report.append(measure("one account (10k rows), page at mid cursor, limit 100",
                () -> service.history(new HistoryQuery(PortfolioFilter.of(List.of("bench_3"), null), 100, middle, null, null))));
        report.append(measure("start/end window of one day, limit 100",
                () -> service.history(new HistoryQuery(benchAccounts, 100, null, middle.minusSeconds(86_400), middle))));
        System.out.print(report);
        Files.writeString(Path.of("target", "portfolio-history-bench.txt"), report);
    }

    private static String measure(String what, Supplier<HistoryPage> page) {
        for (int i = 0; i < WARM_UP; i++) {
            page.get();
        }
        long[] nanos = new long[MEASURED];
        int items = 0;
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            items = page.get().items().size();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "  %-55s items %4d  p50 %6.2f ms  p99 %6.2f ms%n", what, items,
                nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 99 / 100] / 1e6);
    }
}
