package io.aviary.trading.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.trading.domain.ListQuery;
import io.aviary.trading.domain.Page;
import io.aviary.trading.domain.PageCursor;
import io.aviary.trading.domain.TradeRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * List pages on a real PostgreSQL: the whole list is counted at most once per chain of pages (the
 * first page's count travels in the cursor), paging stays gap-free while rows arrive, and the last
 * page's {@code total_count} is exactly what the chain returned.
 */
class TradingListRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static TradingDatabase db;
    private static TradingListRepository lists;

    @BeforeAll
    static void start() {
        db = new TradingDatabase();
        lists = new TradingListRepository(db.jdbc);
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.jdbc.update("DELETE FROM trades");
        db.statements.clear();
    }

    @Test
    void followingPagesReuseTheFirstPagesCountAndStayGapFreeWhileRowsArrive() {
        for (int i = 1; i <= 5; i++) {
            fill("t" + i, T0.plusSeconds(i));
        }

        Page<TradeRow> first = trades(null);
        assertThat(ids(first)).containsExactly("t5", "t4");
        assertThat(first.totalCount()).isEqualTo(5);
        assertThat(db.countStatements()).isEqualTo(1);

        // newer fills (before the cursor in this newest-first list) and one older fill the venue reported late
        for (int i = 6; i <= 8; i++) {
            fill("t" + i, T0.plusSeconds(i));
        }
        fill("t0", T0);

        Page<TradeRow> second = trades(first);
        assertThat(ids(second)).containsExactly("t3", "t2");
        assertThat(second.hasMore()).isTrue();
        assertThat(second.totalCount()).as("the chain's count, not a new count(*) of 9 rows").isEqualTo(5);

        Page<TradeRow> last = trades(second);
        assertThat(ids(last)).containsExactly("t1", "t0");
        assertThat(last.hasMore()).isFalse();
        assertThat(last.nextCursor()).isNull();
        assertThat(last.totalCount()).as("exactly what the chain returned").isEqualTo(6);

        assertThat(db.countStatements()).as("count(*) ran for the first page only").isEqualTo(1);
    }

    @Test
    void aListThatFitsOnePageIsNotCounted() {
        fill("a", T0);
        fill("b", T0.plusSeconds(1));

        Page<TradeRow> only = trades(null);

        assertThat(ids(only)).containsExactly("b", "a");
        assertThat(only.totalCount()).isEqualTo(2);
        assertThat(db.countStatements()).isZero();
    }

    @Test
    void filtersApplyToTheCountAndToEveryPage() {
        for (int i = 1; i <= 7; i++) {
            fill("x" + i, T0.plusSeconds(i), i % 2 == 0 ? "BUY" : "SELL");
        }
        List<String> seen = new ArrayList<>();
        Page<TradeRow> page = null;
        List<Long> totals = new ArrayList<>();
        do {
            page = lists.trades(query(page), List.of("SELL"));
            seen.addAll(ids(page));
            totals.add(page.totalCount());
        } while (page.hasMore());

        assertThat(seen).containsExactly("x7", "x5", "x3", "x1");
        assertThat(totals).containsOnly(4L);
        assertThat(db.countStatements()).isEqualTo(1);
    }

    private Page<TradeRow> trades(Page<TradeRow> previous) {
        return lists.trades(query(previous), List.of());
    }

    private static ListQuery query(Page<TradeRow> previous) {
        PageCursor cursor = previous == null ? null : PageCursor.decode(previous.nextCursor(), 2);
        return new ListQuery(List.of("acc"), List.of(), List.of(), null, null, 2, cursor);
    }

    private static List<String> ids(Page<TradeRow> page) {
        return page.items().stream().map(TradeRow::tradeId).toList();
    }

    private static void fill(String tradeId, Instant at) {
        fill(tradeId, at, "BUY");
    }

    private static void fill(String tradeId, Instant at, String side) {
        db.jdbc.update("""
                INSERT INTO trades (account_name, connector_name, trading_pair, trade_id, client_order_id, trade_type,
                                    position_action, price, amount, fee, maker, filled_at)
                VALUES ('acc', 'sim', 'BTC-USDT', ?, 'c-' || ?, ?, 'OPEN', 100, 1, 0, true, ?)""",
                tradeId, tradeId, side, Timestamp.from(at));
    }
}
