package io.aviary.trading.infra;

import io.aviary.trading.domain.ListQuery;
import io.aviary.trading.domain.Page;
import io.aviary.trading.domain.PageCursor;
import io.aviary.trading.domain.TradeRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Latency of a trades page 2+ (limit 100) on 100 000 stored fills over 10 accounts, unfiltered and
 * filtered by one account: what a client paging through its history pays per page. A bench, not a
 * test: run with {@code -Dtrading.bench=true}; writes {@code trading-service/target/list-pages-bench.txt}.
 */
@EnabledIfSystemProperty(named = "trading.bench", matches = "true")
class TradingListPagesBenchmark {

    private static final int ROWS = 100_000;
    private static final int RUNS = 300;

    @Test
    void secondPagesOfTrades() throws Exception {
        try (TradingDatabase db = new TradingDatabase()) {
            db.jdbc.update("""
                    INSERT INTO trades (account_name, connector_name, trading_pair, trade_id, client_order_id, trade_type,
                                        position_action, price, amount, fee, maker, filled_at)
                    SELECT 'acc' || (i % 10), 'sim', 'BTC-USDT', 't' || i, 'c' || i, 'BUY', 'OPEN', 100, 1, 0, true,
                           timestamptz '2026-01-01' + i * interval '1 second'
                    FROM generate_series(1, ?) i""", ROWS);
            db.jdbc.execute("ANALYZE trades");
            TradingListRepository lists = new TradingListRepository(db.jdbc);
            StringBuilder report = new StringBuilder(ROWS + " trades, limit 100\n");
            report.append(measure("page 2, no filter", lists, List.of()));
            report.append(measure("page 2, one account of 10", lists, List.of("acc3")));
            System.out.print(report);
            Files.writeString(Path.of("target", "list-pages-bench.txt"), report);
        }
    }

    private static String measure(String name, TradingListRepository lists, List<String> accounts) {
        ListQuery first = new ListQuery(accounts, List.of(), List.of(), null, null, 100, null);
        PageCursor cursor = PageCursor.decode(lists.trades(first, List.of()).nextCursor(), 2);
        ListQuery second = new ListQuery(accounts, List.of(), List.of(), null, null, 100, cursor);
        long[] nanos = new long[RUNS];
        for (int warmup = 0; warmup < 50; warmup++) {
            lists.trades(second, List.of());
        }
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            Page<TradeRow> page = lists.trades(second, List.of());
            nanos[run] = System.nanoTime() - t0;
            if (page.items().size() != 100) {
                throw new AssertionError("short page");
            }
        }
        Arrays.sort(nanos);
        return String.format("%-28s p50 %.2f ms, p99 %.2f ms%n", name, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6);
    }
}
