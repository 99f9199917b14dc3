package io.aviary.archive.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.archive.domain.MarketBook;
import io.aviary.archive.domain.PageRequest;
import io.aviary.archive.domain.Performance;
import io.aviary.archive.infra.BotSqlite;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /performance} answers from {@code archive.archived_performance}, computed once per archive: the stored
 * figures and every page of rows (replayed from stored segments of 3 fills) equal a fresh pass over the fills of each
 * fixture; a second call does not compute again; a file that changed is computed again.
 */
class StoredPerformanceTest extends ArchiveHttpTestBase {

    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** Row fields and the running figure each one carries. */
    private static final Map<String, Function<Performance.Row, BigDecimal>> ROW_FIGURES = Map.ofEntries(
            Map.entry("price", Performance.Row::price),
            Map.entry("amount", Performance.Row::amount),
            Map.entry("buy_avg_price", Performance.Row::buyAveragePrice),
            Map.entry("sell_avg_price", Performance.Row::sellAveragePrice),
            Map.entry("net_position", Performance.Row::netPosition),
            Map.entry("average_entry_price", Performance.Row::entryPrice),
            Map.entry("realized_trade_pnl_pct", Performance.Row::realizedPnlFraction),
            Map.entry("realized_trade_pnl_quote", Performance.Row::realizedPnlQuote),
            Map.entry("unrealized_trade_pnl_quote", Performance.Row::unrealizedPnlQuote),
            Map.entry("cum_fees_quote", Performance.Row::cumFeesQuote),
            Map.entry("net_pnl_quote", Performance.Row::netPnlQuote),
            Map.entry("cum_volume_quote", Performance.Row::cumVolumeQuote));

    @Test
    void storedFiguresAndEveryPageEqualAFreshPassOverTheFills() {
        for (String dbPath : List.of(BOT_DB, DDL_DB, OLD_DB)) {
            Performance fresh = freshPass(dbPath);
            long total = fresh.totalTrades();
            JsonNode all = ok("/archived-bots/" + dbPath + "/performance?limit=1000");
            JsonNode summary = all.get("summary");
            assertThat(summary.get("total_trades").asLong()).as(dbPath).isEqualTo(total);
            assertFigure(dbPath, summary, "final_realized_pnl_quote", fresh.realized());
            assertFigure(dbPath, summary, "final_unrealized_pnl_quote", fresh.unrealized());
            assertFigure(dbPath, summary, "total_fees_quote", fresh.fees());
            assertFigure(dbPath, summary, "total_volume_quote", fresh.volumeQuote());
            assertFigure(dbPath, summary, "final_net_position", fresh.netPosition());
            assertFigure(dbPath, summary, "final_net_pnl_quote", fresh.netPnl());
            List<MarketBook> markets = fresh.markets();
            assertThat(all.get("by_market")).hasSize(markets.size());
            for (int m = 0; m < markets.size(); m++) {
                JsonNode market = all.get("by_market").get(m);
                assertFigure(dbPath, market, "average_entry_price", markets.get(m).entryPrice());
                assertFigure(dbPath, market, "realized_pnl_quote", markets.get(m).realized());
                assertFigure(dbPath, market, "last_price", markets.get(m).lastPrice());
            }
            assertRows(dbPath, all.get("performance_data"), fresh.rows());
            for (int offset = 0; offset <= total; offset++) {
                JsonNode page = ok("/archived-bots/" + dbPath + "/performance?limit=2&offset=" + offset);
                assertRows(dbPath + " offset " + offset, page.get("performance_data"),
                        fresh.rows().subList(offset, (int) Math.min(total, offset + 2)));
                assertThat(page.get("summary")).isEqualTo(summary);
            }
        }
    }

    @Test
    void performanceIsComputedOnceAndAnsweredFromTheStore() {
        JsonNode first = ok("/archived-bots/" + BOT_DB + "/performance").get("summary");
        assertThat(jdbc.queryForObject("SELECT total_trades FROM archive.archived_performance WHERE db_path = ?",
                Long.class, BOT_DB)).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM archive.archived_performance_segment WHERE db_path = ?",
                Long.class, BOT_DB)).as("7 fills in segments of 3").isEqualTo(3);
        Object computedAt = jdbc.queryForObject(
                "SELECT computed_at FROM archive.archived_performance WHERE db_path = ?", Object.class, BOT_DB);

        assertThat(ok("/archived-bots/" + BOT_DB + "/performance").get("summary")).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT computed_at FROM archive.archived_performance WHERE db_path = ?",
                Object.class, BOT_DB)).as("not computed again").isEqualTo(computedAt);
    }

    @Test
    void aFileThatChangedIsComputedAgain() throws Exception {
        Path file = ArchiveDatabases.botMade(ARCHIVED, "changing_bot");
        String dbPath = "bots/archived/changing_bot/data/conf_sim_pmm.sqlite";
        assertThat(ok("/archived-bots/" + dbPath + "/performance").get("summary").get("total_trades").asLong())
                .isEqualTo(7);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO "TradeFill" (config_file_path, strategy, market, symbol, base_asset, quote_asset,
                      timestamp, order_id, trade_type, order_type, price, amount, leverage, trade_fee,
                      trade_fee_in_quote, exchange_trade_id, position)
                    SELECT config_file_path, strategy, market, symbol, base_asset, quote_asset, timestamp + 600000,
                      'o7', 'SELL', order_type, 140000000, 300000, leverage, trade_fee, 42000, 't-o7', position
                    FROM "TradeFill" WHERE order_id = 'o5'""");
        }
        // the fingerprint is size and modification time: make sure the latter moved even on a coarse clock
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));

        JsonNode summary = ok("/archived-bots/" + dbPath + "/performance").get("summary");
        assertThat(summary.get("total_trades").asLong()).isEqualTo(8);
        // BTC's long 0.3 @130 closed at 140: realized 12 + 3; flat BTC, ETH still short 1
        assertThat(summary.get("final_realized_pnl_quote").decimalValue()).isEqualByComparingTo("15");
        assertThat(summary.get("total_volume_quote").decimalValue()).isEqualByComparingTo("443");
        assertThat(freshPass(dbPath).realized()).isEqualByComparingTo("15");
    }

    private static Performance freshPass(String dbPath) {
        Performance performance = new Performance(new PageRequest(1000, 0));
        try (BotSqlite database = BotSqlite.open(BOTS_PATH.resolve(dbPath))) {
            database.streamFills(performance::accept);
        }
        return performance;
    }

    private static void assertRows(String what, JsonNode rows, List<Performance.Row> expected) {
        assertThat(rows).as(what).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode row = rows.get(i);
            Performance.Row fresh = expected.get(i);
            assertThat(row.get("timestamp").asLong()).as(what + " row " + i).isEqualTo(fresh.timestampMs());
            ROW_FIGURES.forEach((field, figure) -> assertFigure(what, row, field, figure.apply(fresh)));
        }
    }

    private static void assertFigure(String what, JsonNode node, String field, BigDecimal expected) {
        assertThat(node.get(field).decimalValue()).as(what + " " + field)
                .isEqualTo(MarketBook.wire(expected));
    }

    /** The body with every number as written (exact decimals, not doubles). */
    private JsonNode ok(String path) {
        Answer answer = get(path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return EXACT.readTree(answer.body());
    }
}
