package io.aviary.bot.paper;

import io.aviary.connectors.paper.LedgerDialect;
import io.aviary.connectors.paper.SqlPaperLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The bot's {@link io.aviary.connectors.paper.PaperLedger}: the paper accounts of its {@code *_paper_trade}
 * connectors in a SQLite file of their own ({@link #fileFor}), apart from the bot database, which stays exactly
 * Hummingbot's schema. The SQL is connectors' {@link SqlPaperLedger}, the one trading-service's PostgreSQL ledger
 * runs. One connection, used by one thread at a time: the bot is the only writer, and each step is one transaction,
 * so a step that fails (an {@link InsufficientBalance}, a full disk) stores nothing. The file and its tables are
 * created on first use, so a bot that never trades on paper has none.
 *
 * <p>Decimals are stored as their text (exact, scale kept), times as epoch microseconds ({@link LedgerDialect#SQLITE}).
 */
public final class SqlitePaperLedger extends SqlPaperLedger implements AutoCloseable {

    private static final List<String> SCHEMA = List.of("""
            CREATE TABLE IF NOT EXISTS paper_account (
                account_name TEXT NOT NULL, connector_name TEXT NOT NULL, created_at INTEGER NOT NULL,
                PRIMARY KEY (account_name, connector_name))""", """
            CREATE TABLE IF NOT EXISTS paper_balance (
                account_name TEXT NOT NULL, connector_name TEXT NOT NULL, asset TEXT NOT NULL,
                total TEXT NOT NULL, locked TEXT NOT NULL DEFAULT '0',
                PRIMARY KEY (account_name, connector_name, asset))""", """
            CREATE TABLE IF NOT EXISTS paper_order (
                account_name TEXT NOT NULL, connector_name TEXT NOT NULL, client_order_id TEXT NOT NULL,
                exchange_order_id TEXT NOT NULL, trading_pair TEXT NOT NULL, side TEXT NOT NULL, order_type TEXT NOT NULL,
                price TEXT, amount TEXT NOT NULL, executed_base TEXT NOT NULL, executed_quote TEXT NOT NULL,
                state TEXT NOT NULL, reason TEXT, locked_asset TEXT, locked_remaining TEXT NOT NULL,
                created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
                PRIMARY KEY (account_name, connector_name, client_order_id))""", """
            CREATE INDEX IF NOT EXISTS paper_order_open ON paper_order (account_name, connector_name)
                WHERE state IN ('OPEN', 'PARTIALLY_FILLED')""", """
            CREATE TABLE IF NOT EXISTS paper_fill (
                account_name TEXT NOT NULL, connector_name TEXT NOT NULL, trade_id TEXT NOT NULL,
                client_order_id TEXT NOT NULL, trading_pair TEXT NOT NULL, side TEXT NOT NULL, price TEXT NOT NULL,
                amount TEXT NOT NULL, fee TEXT NOT NULL, fee_asset TEXT NOT NULL, maker INTEGER NOT NULL,
                filled_at INTEGER NOT NULL,
                PRIMARY KEY (account_name, connector_name, trade_id))""", """
            CREATE INDEX IF NOT EXISTS paper_fill_by_order ON paper_fill (account_name, connector_name, client_order_id)""");

    private final Path file;
    private Connection db;
    private boolean closed;

    public SqlitePaperLedger(Path file) {
        super(LedgerDialect.SQLITE);
        this.file = file;
    }

    /**
     * {@code data/<instance_id>_paper.db}: per bot, since the bot id names its paper accounts. Not {@code .sqlite}:
     * the Hummingbot API and archive-service take every {@code data/*.sqlite} for a bot database.
     */
    public static Path fileFor(Path dataDir, String instanceId) {
        return dataDir.resolve(instanceId + "_paper.db");
    }

    public Path file() {
        return file;
    }

    /** The one connection, to one thread at a time for a whole step. */
    @Override
    protected synchronized <T> T withConnection(Work<T> work) throws SQLException {
        return work.run(connection());
    }

    @Override
    protected Unavailable unavailable(SQLException e) {
        return new Unavailable("paper ledger " + file.getFileName() + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                throw unavailable(e);
            } finally {
                db = null;
            }
        }
    }

    /** Opens the file (and its tables) on first use. */
    private Connection connection() throws SQLException {
        if (closed) {
            throw new SQLException("the ledger is closed");
        }
        if (db == null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new SQLException("cannot create " + file.getParent(), e);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL); // a committed step survives a power cut
            config.setBusyTimeout(5_000);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                    config.toProperties());
            try (Statement statement = connection.createStatement()) {
                for (String ddl : SCHEMA) {
                    statement.execute(ddl);
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            db = connection;
        }
        return db;
    }
}
