package io.aviary.bot.paper;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.paper.BalanceChange;
import io.aviary.connectors.paper.PaperAccount;
import io.aviary.connectors.paper.PaperLedger;
import io.aviary.connectors.paper.PaperOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;

/**
 * The bot's {@link PaperLedger}: the paper accounts of its {@code *_paper_trade} connectors in a SQLite file of their
 * own ({@link #fileFor}), apart from the bot database, which stays exactly Hummingbot's schema. One connection, used
 * by one thread at a time: the bot is the only writer, and each step is one transaction, so a step that fails
 * (an {@link InsufficientBalance}, a full disk) stores nothing. The file is created on first use, so a bot that
 * never trades on paper has none.
 *
 * <p>Decimals are stored as their text (exact, scale kept), times as epoch microseconds (PostgreSQL's precision).
 */
public final class SqlitePaperLedger implements PaperLedger, AutoCloseable {

    private static final String ORDER_COLUMNS = "client_order_id, exchange_order_id, trading_pair, side, order_type, "
            + "price, amount, executed_base, executed_quote, state, reason, locked_asset, locked_remaining, created_at, updated_at";
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

    @Override
    public synchronized void open(PaperAccount account, Map<String, BigDecimal> startingBalances) {
        inTransaction(db -> openAccount(db, account, startingBalances));
    }

    @Override
    public synchronized List<Balance> balances(PaperAccount account) {
        return query("SELECT asset, total, locked FROM paper_balance WHERE account_name = ? AND connector_name = ? "
                + "ORDER BY asset", account, List.of(), rs -> {
                    BigDecimal total = new BigDecimal(rs.getString(2));
                    return new Balance(rs.getString(1), total, total.subtract(new BigDecimal(rs.getString(3))));
                }).stream().filter(b -> b.total().signum() != 0).toList();
    }

    @Override
    public synchronized Optional<PaperOrder> order(PaperAccount account, String clientOrderId) {
        return query("SELECT " + ORDER_COLUMNS + " FROM paper_order WHERE account_name = ? AND connector_name = ? "
                + "AND client_order_id = ?", account, List.of(clientOrderId), SqlitePaperLedger::order).stream().findFirst();
    }

    @Override
    public synchronized List<PaperOrder> openOrders(PaperAccount account) {
        return query("SELECT " + ORDER_COLUMNS + " FROM paper_order WHERE account_name = ? AND connector_name = ? "
                + "AND state IN ('OPEN', 'PARTIALLY_FILLED') ORDER BY created_at, client_order_id", account, List.of(),
                SqlitePaperLedger::order);
    }

    @Override
    public synchronized List<Fill> fills(PaperAccount account, String clientOrderId, TradingPair pair, Instant since) {
        StringBuilder sql = new StringBuilder("SELECT trade_id, client_order_id, trading_pair, side, price, amount, fee, "
                + "fee_asset, maker, filled_at FROM paper_fill WHERE account_name = ? AND connector_name = ?");
        List<Object> args = new ArrayList<>();
        if (clientOrderId != null) {
            sql.append(" AND client_order_id = ?");
            args.add(clientOrderId);
        }
        if (pair != null) {
            sql.append(" AND trading_pair = ?");
            args.add(pair.toString());
        }
        if (since != null) {
            sql.append(" AND filled_at >= ?");
            args.add(micros(since));
        }
        sql.append(" ORDER BY filled_at, trade_id");
        return query(sql.toString(), account, args, rs -> new Fill(rs.getString(1), rs.getString(2), null,
                TradingPair.parse(rs.getString(3)), TradeType.valueOf(rs.getString(4)), decimal(rs, 5), decimal(rs, 6),
                decimal(rs, 7), rs.getString(8), rs.getInt(9) != 0, PositionAction.NIL, instant(rs.getLong(10))));
    }

    @Override
    public synchronized void apply(PaperAccount account, PaperOrder order, List<Fill> newFills,
            List<BalanceChange> changes) {
        inTransaction(db -> {
            // one net change per asset: a fill of a resting SELL spends base and releases its lock at once
            Map<String, BalanceChange> net = new TreeMap<>();
            for (BalanceChange change : changes) {
                net.merge(change.asset(), change, (a, b) -> new BalanceChange(a.asset(), a.total().add(b.total()),
                        a.locked().add(b.locked())));
            }
            for (BalanceChange change : net.values()) {
                applyBalance(db, account, change);
            }
            upsertOrder(db, account, order);
            insertFills(db, account, newFills);
        });
    }

    @Override
    public synchronized void setBalance(PaperAccount account, Map<String, BigDecimal> startingBalances, String asset,
            BigDecimal total) {
        if (total.signum() < 0) {
            throw new IllegalArgumentException("a paper balance cannot be negative");
        }
        inTransaction(db -> {
            openAccount(db, account, startingBalances);
            BigDecimal[] current = balanceRow(db, account, asset);
            if (total.compareTo(current[1]) < 0) {
                throw InsufficientBalance.lockedByOrders(asset, current[1], total);
            }
            writeBalance(db, account, asset, total, current[1]);
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                throw new Unavailable("paper ledger " + file.getFileName() + ": " + e.getMessage(), e);
            } finally {
                db = null;
            }
        }
    }

    private static void openAccount(Connection db, PaperAccount account, Map<String, BigDecimal> startingBalances)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO paper_account (account_name, connector_name, "
                + "created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            bindAccount(insert, account);
            insert.setLong(3, micros(Instant.now()));
            if (insert.executeUpdate() == 0) {
                return;
            }
        }
        for (var entry : new TreeMap<>(startingBalances).entrySet()) {
            writeBalance(db, account, entry.getKey(), entry.getValue(), BigDecimal.ZERO);
        }
    }

    private static void applyBalance(Connection db, PaperAccount account, BalanceChange change) throws SQLException {
        BigDecimal[] current = balanceRow(db, account, change.asset());
        BigDecimal total = current[0];
        BigDecimal locked = current[1];
        BigDecimal newTotal = total.add(change.total());
        BigDecimal newLocked = locked.add(change.locked()).max(BigDecimal.ZERO);
        if (newTotal.compareTo(newLocked) < 0) {
            BigDecimal needed = change.locked().max(BigDecimal.ZERO).subtract(change.total());
            throw new InsufficientBalance(change.asset(), needed, total.subtract(locked));
        }
        writeBalance(db, account, change.asset(), newTotal, newLocked);
    }

    /** {total, locked} of an asset, zeros when the account never held it. */
    private static BigDecimal[] balanceRow(Connection db, PaperAccount account, String asset) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT total, locked FROM paper_balance "
                + "WHERE account_name = ? AND connector_name = ? AND asset = ?")) {
            bindAccount(select, account);
            select.setString(3, asset);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new BigDecimal[] {decimal(rs, 1), decimal(rs, 2)}
                        : new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
            }
        }
    }

    private static void writeBalance(Connection db, PaperAccount account, String asset, BigDecimal total,
            BigDecimal locked) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement("INSERT INTO paper_balance (account_name, connector_name, "
                + "asset, total, locked) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_name, connector_name, asset) "
                + "DO UPDATE SET total = excluded.total, locked = excluded.locked")) {
            bindAccount(upsert, account);
            upsert.setString(3, asset);
            upsert.setString(4, total.toPlainString());
            upsert.setString(5, locked.toPlainString());
            upsert.executeUpdate();
        }
    }

    private static void upsertOrder(Connection db, PaperAccount account, PaperOrder o) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement("INSERT INTO paper_order (account_name, connector_name, "
                + ORDER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (account_name, connector_name, client_order_id) DO UPDATE SET "
                + "executed_base = excluded.executed_base, executed_quote = excluded.executed_quote, "
                + "state = excluded.state, reason = excluded.reason, locked_remaining = excluded.locked_remaining, "
                + "updated_at = excluded.updated_at")) {
            bindAccount(upsert, account);
            upsert.setString(3, o.clientOrderId());
            upsert.setString(4, o.exchangeOrderId());
            upsert.setString(5, o.tradingPair().toString());
            upsert.setString(6, o.side().name());
            upsert.setString(7, o.type().name());
            upsert.setString(8, o.price() == null ? null : o.price().toPlainString());
            upsert.setString(9, o.amount().toPlainString());
            upsert.setString(10, o.executedBase().toPlainString());
            upsert.setString(11, o.executedQuote().toPlainString());
            upsert.setString(12, o.state().name());
            upsert.setString(13, o.reason());
            upsert.setString(14, o.lockedAsset());
            upsert.setString(15, o.lockedRemaining().toPlainString());
            upsert.setLong(16, micros(o.createdAt()));
            upsert.setLong(17, micros(o.updatedAt()));
            upsert.executeUpdate();
        }
    }

    private static void insertFills(Connection db, PaperAccount account, List<Fill> fills) throws SQLException {
        if (fills.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO paper_fill (account_name, connector_name, "
                + "trade_id, client_order_id, trading_pair, side, price, amount, fee, fee_asset, maker, filled_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Fill f : fills) {
                bindAccount(insert, account);
                insert.setString(3, f.tradeId());
                insert.setString(4, f.clientOrderId());
                insert.setString(5, f.tradingPair().toString());
                insert.setString(6, f.side().name());
                insert.setString(7, f.price().toPlainString());
                insert.setString(8, f.amount().toPlainString());
                insert.setString(9, f.fee().toPlainString());
                insert.setString(10, f.feeAsset());
                insert.setInt(11, f.maker() ? 1 : 0);
                insert.setLong(12, micros(f.timestamp()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static PaperOrder order(ResultSet rs) throws SQLException {
        return new PaperOrder(rs.getString(1), rs.getString(2), TradingPair.parse(rs.getString(3)),
                TradeType.valueOf(rs.getString(4)), OrderType.valueOf(rs.getString(5)), decimal(rs, 6), decimal(rs, 7),
                decimal(rs, 8), decimal(rs, 9), OrderState.valueOf(rs.getString(10)), rs.getString(11),
                rs.getString(12), decimal(rs, 13), instant(rs.getLong(14)), instant(rs.getLong(15)));
    }

    private static BigDecimal decimal(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : new BigDecimal(text);
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private interface Work {
        void run(Connection db) throws SQLException;
    }

    private <T> List<T> query(String sql, PaperAccount account, List<Object> args, Row<T> row) {
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            bindAccount(statement, account);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 3, args.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private void inTransaction(Work work) {
        try {
            Connection connection = connection();
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw unavailable(e);
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

    private Unavailable unavailable(SQLException e) {
        return new Unavailable("paper ledger " + file.getFileName() + ": " + e.getMessage(), e);
    }

    private static void bindAccount(PreparedStatement statement, PaperAccount account) throws SQLException {
        statement.setString(1, account.accountName());
        statement.setString(2, account.connectorName());
    }
}
