package io.aviary.archive.api;

import io.aviary.bot.db.BotDatabase;
import io.aviary.bot.db.PositionRecord;
import io.aviary.bot.db.RecordingScope;
import io.aviary.bot.events.OrderCancelled;
import io.aviary.bot.events.OrderCompleted;
import io.aviary.bot.events.OrderCreated;
import io.aviary.bot.events.OrderFilled;
import io.aviary.bot.events.TradeFee;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The archived databases the tests read: one recorded by Aviary's bot writer ({@code BotDatabase}) from known order
 * events, one built from Hummingbot's exact DDL with hand-inserted rows (values as Hummingbot stores them, including
 * a Position.realized_pnl_quote the original API forgets to scale), an older archive missing tables and columns, a
 * text file and a SQLite file of another application.
 */
final class ArchiveDatabases {

    /** 2026-01-01T00:00:00Z in ms: the bot's first fill. */
    static final long T0 = 1_767_225_600_000L;

    private ArchiveDatabases() {
    }

    /**
     * {@code <instance>/data/conf_sim_pmm.sqlite} as Aviary's bot records it. Fills (hand-computed figures in the
     * tests): BTC-USDT buy 0.5@100, ETH-USDT sell 2@50, BTC buy 0.5@110, ETH buy 1@45, BTC sell 0.6@120, BTC sell
     * 0.4@100, BTC buy 0.3@130; fees 0.1 % of notional in USDT; one more BTC order cancelled unfilled.
     */
    static Path botMade(Path archived, String instance) {
        Path data = archived.resolve(instance).resolve("data");
        try (BotDatabase db = BotDatabase.open(data, new RecordingScope("conf_sim_pmm.yml", "v2_with_controllers"))) {
            fill(db, "o1", 0, "BTC-USDT", TradeType.BUY, "100", "0.5");
            db.onEvent(new OrderCompleted(T0 + 1, "o1", "x-o1", "sim", "BTC-USDT", TradeType.BUY, "BTC", "USDT",
                    new BigDecimal("0.5"), new BigDecimal("50"), OrderType.LIMIT));
            fill(db, "e1", 30, "ETH-USDT", TradeType.SELL, "50", "2");
            fill(db, "o2", 60, "BTC-USDT", TradeType.BUY, "110", "0.5");
            fill(db, "e2", 90, "ETH-USDT", TradeType.BUY, "45", "1");
            fill(db, "o3", 120, "BTC-USDT", TradeType.SELL, "120", "0.6");
            fill(db, "o4", 180, "BTC-USDT", TradeType.SELL, "100", "0.4");
            fill(db, "o5", 240, "BTC-USDT", TradeType.BUY, "130", "0.3");
            db.onEvent(new OrderCreated(T0 + 300_000, "o6", "x-o6", "sim", "BTC-USDT", TradeType.SELL,
                    OrderType.LIMIT, new BigDecimal("0.3"), new BigDecimal("150"), 1, PositionAction.NIL, "pmm_1"));
            db.onEvent(new OrderCancelled(T0 + 310_000, "o6", "x-o6"));
            db.storePosition(new PositionRecord("pmm_1", "sim", "BTC-USDT", "BUY", T0 + 400_000,
                    new BigDecimal("256"), new BigDecimal("0.3"), new BigDecimal("130"), BigDecimal.ZERO,
                    new BigDecimal("7"), new BigDecimal("0.256")));
            db.flush();
            return db.file();
        }
    }

    private static void fill(BotDatabase db, String id, int second, String pair, TradeType side, String price,
            String amount) {
        long at = T0 + second * 1000L;
        BigDecimal p = new BigDecimal(price);
        BigDecimal a = new BigDecimal(amount);
        BigDecimal fee = p.multiply(a).multiply(new BigDecimal("0.001"));
        db.onEvent(new OrderCreated(at, id, "x-" + id, "sim", pair, side, OrderType.LIMIT, a, p, 1,
                PositionAction.NIL, "pmm_1"));
        db.onEvent(new OrderFilled(at, id, "x-" + id, "t-" + id, "sim", pair, side, OrderType.LIMIT, p, a,
                new TradeFee("AddedToCost", new BigDecimal("0.001"), null, List.of()), fee, 1, PositionAction.NIL));
    }

    /** A database made from Hummingbot's DDL with rows as Hummingbot stores them (amounts ×10^6, times ms / s). */
    static Path hummingbotDdl(Path archived, String instance) {
        Path file = archived.resolve(instance).resolve("data").resolve("conf_v2_binance.sqlite");
        try (Connection c = create(file); Statement s = c.createStatement()) {
            for (String ddl : hummingbotSchema()) {
                s.execute(ddl);
            }
            s.execute("""
                    INSERT INTO "Order" VALUES ('x-MG43PCSN1', 'conf_v2_binance.yml', 'v2_with_controllers',
                      'binance_perpetual', 'BTC-USDT', 'BTC', 'USDT', 1735689600000, 'LIMIT', 1500, 20, 94012123456,
                      'OrderFilled', 1735689600123, '123456789', 'OPEN')""");
            s.execute("""
                    INSERT INTO "TradeFill" VALUES ('conf_v2_binance.yml', 'v2_with_controllers', 'binance_perpetual',
                      'BTC-USDT', 'BTC', 'USDT', 1735689600123, 'x-MG43PCSN1', 'BUY', 'LIMIT', 94012123456, 1500, 20,
                      '{"fee_type": "AddedToCost", "percent": "0.001", "percent_token": "USDT", "flat_fees": []}',
                      141018, '555', 'OPEN')""");
            s.execute("""
                    INSERT INTO "Position" VALUES ('9b1c', 'pmm_simple_example', 'binance_perpetual', 'BUY',
                      'BTC-USDT', 1735690260000, 189880000, 1000, 94000000000, -12345, 1840000, 37000)""");
            s.execute("""
                    INSERT INTO "Executors" VALUES ('3tA9', 1735689600.0, 'position_executor', 3, 1735690260.5, 4,
                      '{"id": "3tA9", "side": 1, "amount": "0.001"}', 0.0196, 1.84, 0.037, 189.88, 0, 0,
                      '{"level_id": "buy_0"}', 'pmm_simple_example')""");
            s.execute("""
                    INSERT INTO "Controllers" (id, timestamp, type, config) VALUES ('pmm_simple_example',
                      1735689599.25, 'market_making', '{"controller_name": "pmm_simple"}')""");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    /**
     * An older archive: Order and TradeFill only, TradeFill without {@code trade_fee_in_quote}/{@code position},
     * Order without {@code exchange_order_id}/{@code position}.
     */
    static Path oldArchive(Path archived, String instance) {
        Path file = archived.resolve(instance).resolve("data").resolve("old_pmm.sqlite");
        try (Connection c = create(file); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE "Order" (id TEXT NOT NULL, config_file_path TEXT NOT NULL, strategy TEXT NOT NULL,
                      market TEXT NOT NULL, symbol TEXT NOT NULL, base_asset TEXT NOT NULL, quote_asset TEXT NOT NULL,
                      creation_timestamp BIGINT NOT NULL, order_type TEXT NOT NULL, amount BIGINT NOT NULL,
                      leverage INTEGER NOT NULL, price BIGINT NOT NULL, last_status TEXT NOT NULL,
                      last_update_timestamp BIGINT NOT NULL, PRIMARY KEY (id))""");
            s.execute("""
                    CREATE TABLE "TradeFill" (config_file_path TEXT NOT NULL, strategy TEXT NOT NULL,
                      market TEXT NOT NULL, symbol TEXT NOT NULL, base_asset TEXT NOT NULL, quote_asset TEXT NOT NULL,
                      timestamp BIGINT NOT NULL, order_id TEXT NOT NULL, trade_type TEXT NOT NULL,
                      order_type TEXT NOT NULL, price BIGINT NOT NULL, amount BIGINT NOT NULL,
                      leverage INTEGER NOT NULL, trade_fee JSON NOT NULL, exchange_trade_id TEXT NOT NULL,
                      PRIMARY KEY (market, order_id, exchange_trade_id))""");
            s.execute("""
                    INSERT INTO "Order" VALUES ('b1', 'old.yml', 'pure_market_making', 'kucoin', 'ETH-USDT', 'ETH',
                      'USDT', 1600000000000, 'LIMIT', 2000000, 1, 3000000000, 'BuyOrderCompleted', 1600000001000)""");
            s.execute("""
                    INSERT INTO "TradeFill" VALUES ('old.yml', 'pure_market_making', 'kucoin', 'ETH-USDT', 'ETH',
                      'USDT', 1600000001000, 'b1', 'BUY', 'LIMIT', 3000000000, 2000000, 1,
                      '{"percent": "0", "flat_fees": []}', 'k1')""");
            s.execute("""
                    INSERT INTO "TradeFill" VALUES ('old.yml', 'pure_market_making', 'kucoin', 'ETH-USDT', 'ETH',
                      'USDT', 1600000002000, 's1', 'SELL', 'LIMIT', 3100000000, 1000000, 1,
                      '{"percent": "0", "flat_fees": []}', 'k2')""");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    /** A SQLite file of some other application. */
    static Path otherSqlite(Path archived, String instance) {
        Path file = archived.resolve(instance).resolve("data").resolve("notes.sqlite");
        try (Connection c = create(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    /** A file named .sqlite that is text. */
    static Path textFile(Path archived, String instance) {
        Path file = archived.resolve(instance).resolve("data").resolve("readme.sqlite");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "this is not a database, just a note left in the folder\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Connection create(Path file) throws SQLException {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Hummingbot's DDL statements as the bot module ships them (SQLAlchemy's text). */
    static List<String> hummingbotSchema() {
        try (InputStream in = BotDatabase.class.getResourceAsStream("hummingbot-schema.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return java.util.Arrays.stream(text.split(";\n"))
                    .map(chunk -> chunk.lines().filter(line -> !line.startsWith("--"))
                            .reduce("", (a, b) -> a + b + "\n").strip())
                    .filter(statement -> !statement.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
