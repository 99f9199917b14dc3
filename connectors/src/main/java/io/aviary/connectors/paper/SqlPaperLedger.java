package io.aviary.connectors.paper;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link PaperLedger} in SQL, one implementation for every store it runs on: trading-service's PostgreSQL
 * ({@link JdbcPaperLedger}) and the bot's SQLite file. The tables are the same by name and column (each store creates
 * its own: a Flyway migration, a CREATE on first use); what differs is how a store lends its connection
 * ({@link #withConnection}), what its failures mean ({@link #unavailable}), and how it holds decimals, instants and
 * row locks ({@link LedgerDialect}).
 *
 * <p>Every write is one transaction. Balance rows of a change are locked in asset order, so concurrent changes cannot
 * deadlock.
 */
public abstract class SqlPaperLedger implements PaperLedger {

    private static final String ORDER_COLUMNS = "client_order_id, exchange_order_id, trading_pair, side, order_type, "
            + "price, amount, executed_base, executed_quote, state, reason, locked_asset, locked_remaining, created_at, updated_at";

    private final LedgerDialect dialect;

    protected SqlPaperLedger(LedgerDialect dialect) {
        this.dialect = dialect;
    }

    /** What a store does with one unit of the ledger's work on one of its connections. */
    @FunctionalInterface
    protected interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection in auto-commit mode (the ledger opens and ends its transactions itself) and
     * hands the connection back afterwards; {@code work} must not keep it.
     */
    protected abstract <T> T withConnection(Work<T> work) throws SQLException;

    /** What a failure of the store means to the paper venue: it is unavailable, naming the store. */
    protected abstract Unavailable unavailable(SQLException failure);

    @Override
    public void open(PaperAccount account, Map<String, BigDecimal> startingBalances) {
        inTransaction(db -> {
            openAccount(db, account, startingBalances);
            return null;
        });
    }

    @Override
    public List<Balance> balances(PaperAccount account) {
        // zero totals are left out here, not in SQL: decimals held as text do not compare as numbers
        return query("SELECT asset, total, locked FROM paper_balance WHERE account_name = ? AND connector_name = ? "
                + "ORDER BY asset", account, List.of(), rs -> {
                    BigDecimal total = dialect.decimal(rs, 2);
                    return new Balance(rs.getString(1), total, total.subtract(dialect.decimal(rs, 3)));
                }).stream().filter(balance -> balance.total().signum() != 0).toList();
    }

    @Override
    public Optional<PaperOrder> order(PaperAccount account, String clientOrderId) {
        return query("SELECT " + ORDER_COLUMNS + " FROM paper_order WHERE account_name = ? AND connector_name = ? "
                + "AND client_order_id = ?", account, List.of(text(clientOrderId)), this::order).stream().findFirst();
    }

    @Override
    public List<PaperOrder> openOrders(PaperAccount account) {
        return query("SELECT " + ORDER_COLUMNS + " FROM paper_order WHERE account_name = ? AND connector_name = ? "
                + "AND state IN ('OPEN', 'PARTIALLY_FILLED') ORDER BY created_at, client_order_id", account, List.of(),
                this::order);
    }

    @Override
    public List<Fill> fills(PaperAccount account, String clientOrderId, TradingPair pair, Instant since) {
        StringBuilder sql = new StringBuilder("SELECT trade_id, client_order_id, trading_pair, side, price, amount, fee, "
                + "fee_asset, maker, filled_at FROM paper_fill WHERE account_name = ? AND connector_name = ?");
        List<Parameter> args = new ArrayList<>();
        if (clientOrderId != null) {
            sql.append(" AND client_order_id = ?");
            args.add(text(clientOrderId));
        }
        if (pair != null) {
            sql.append(" AND trading_pair = ?");
            args.add(text(pair.toString()));
        }
        if (since != null) {
            sql.append(" AND filled_at >= ?");
            args.add((statement, index) -> dialect.setInstant(statement, index, since));
        }
        sql.append(" ORDER BY filled_at, trade_id");
        return query(sql.toString(), account, args, rs -> new Fill(rs.getString(1), rs.getString(2), null,
                TradingPair.parse(rs.getString(3)), TradeType.valueOf(rs.getString(4)), dialect.decimal(rs, 5),
                dialect.decimal(rs, 6), dialect.decimal(rs, 7), rs.getString(8), rs.getBoolean(9), PositionAction.NIL,
                dialect.instant(rs, 10)));
    }

    @Override
    public void apply(PaperAccount account, PaperOrder order, List<Fill> newFills, List<BalanceChange> changes) {
        inTransaction(db -> {
            // one net change per asset (a fill of a resting SELL spends base and releases its lock at
            // once), applied in asset order so concurrent steps lock balance rows in the same order
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
            return null;
        });
    }

    @Override
    public void setBalance(PaperAccount account, Map<String, BigDecimal> startingBalances, String asset, BigDecimal total) {
        if (total.signum() < 0) {
            throw new IllegalArgumentException("a paper balance cannot be negative");
        }
        inTransaction(db -> {
            openAccount(db, account, startingBalances);
            BigDecimal locked = held(db, account, asset).locked();
            if (total.compareTo(locked) < 0) {
                throw InsufficientBalance.lockedByOrders(asset, locked, total);
            }
            try (PreparedStatement upsert = db.prepareStatement("INSERT INTO paper_balance (account_name, connector_name, "
                    + "asset, total) VALUES (?, ?, ?, ?) ON CONFLICT (account_name, connector_name, asset) "
                    + "DO UPDATE SET total = excluded.total")) {
                bindAccount(upsert, account);
                upsert.setString(3, asset);
                dialect.setDecimal(upsert, 4, total);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    private void openAccount(Connection db, PaperAccount account, Map<String, BigDecimal> startingBalances)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO paper_account (account_name, connector_name, "
                + "created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            bindAccount(insert, account);
            dialect.setInstant(insert, 3, Instant.now());
            if (insert.executeUpdate() == 0) {
                return;
            }
        }
        try (PreparedStatement balance = db.prepareStatement(
                "INSERT INTO paper_balance (account_name, connector_name, asset, total) VALUES (?, ?, ?, ?)")) {
            for (var entry : new TreeMap<>(startingBalances).entrySet()) {
                bindAccount(balance, account);
                balance.setString(3, entry.getKey());
                dialect.setDecimal(balance, 4, entry.getValue());
                balance.addBatch();
            }
            balance.executeBatch();
        }
    }

    private void applyBalance(Connection db, PaperAccount account, BalanceChange change) throws SQLException {
        Held current = held(db, account, change.asset());
        BigDecimal newTotal = current.total().add(change.total());
        BigDecimal newLocked = current.locked().add(change.locked()).max(BigDecimal.ZERO);
        if (newTotal.compareTo(newLocked) < 0) {
            BigDecimal needed = change.locked().max(BigDecimal.ZERO).subtract(change.total());
            throw new InsufficientBalance(change.asset(), needed, current.total().subtract(current.locked()));
        }
        try (PreparedStatement upsert = db.prepareStatement("INSERT INTO paper_balance (account_name, connector_name, "
                + "asset, total, locked) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_name, connector_name, asset) "
                + "DO UPDATE SET total = excluded.total, locked = excluded.locked")) {
            bindAccount(upsert, account);
            upsert.setString(3, change.asset());
            dialect.setDecimal(upsert, 4, newTotal);
            dialect.setDecimal(upsert, 5, newLocked);
            upsert.executeUpdate();
        }
    }

    /** An asset's balance row as it stands, locked until the transaction ends where the store locks rows. */
    private Held held(Connection db, PaperAccount account, String asset) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT total, locked FROM paper_balance "
                + "WHERE account_name = ? AND connector_name = ? AND asset = ?" + dialect.rowLock())) {
            bindAccount(select, account);
            select.setString(3, asset);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Held(dialect.decimal(rs, 1), dialect.decimal(rs, 2)) : Held.NOTHING;
            }
        }
    }

    /** Total and locked amount of one asset; zeros when the account never held it. */
    private record Held(BigDecimal total, BigDecimal locked) {
        static final Held NOTHING = new Held(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private void upsertOrder(Connection db, PaperAccount account, PaperOrder o) throws SQLException {
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
            dialect.setDecimal(upsert, 8, o.price());
            dialect.setDecimal(upsert, 9, o.amount());
            dialect.setDecimal(upsert, 10, o.executedBase());
            dialect.setDecimal(upsert, 11, o.executedQuote());
            upsert.setString(12, o.state().name());
            upsert.setString(13, o.reason());
            upsert.setString(14, o.lockedAsset());
            dialect.setDecimal(upsert, 15, o.lockedRemaining());
            dialect.setInstant(upsert, 16, o.createdAt());
            dialect.setInstant(upsert, 17, o.updatedAt());
            upsert.executeUpdate();
        }
    }

    private void insertFills(Connection db, PaperAccount account, List<Fill> fills) throws SQLException {
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
                dialect.setDecimal(insert, 7, f.price());
                dialect.setDecimal(insert, 8, f.amount());
                dialect.setDecimal(insert, 9, f.fee());
                insert.setString(10, f.feeAsset());
                insert.setBoolean(11, f.maker()); // SQLite's driver stores a boolean as the integer 1 or 0
                dialect.setInstant(insert, 12, f.timestamp());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private PaperOrder order(ResultSet rs) throws SQLException {
        return new PaperOrder(rs.getString(1), rs.getString(2), TradingPair.parse(rs.getString(3)),
                TradeType.valueOf(rs.getString(4)), OrderType.valueOf(rs.getString(5)), dialect.decimal(rs, 6),
                dialect.decimal(rs, 7), dialect.decimal(rs, 8), dialect.decimal(rs, 9),
                OrderState.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12), dialect.decimal(rs, 13),
                dialect.instant(rs, 14), dialect.instant(rs, 15));
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A query argument after the account's two, bound the way its store holds it. */
    private interface Parameter {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    private static Parameter text(String value) {
        return (statement, index) -> statement.setString(index, value);
    }

    private <T> List<T> query(String sql, PaperAccount account, List<Parameter> args, Row<T> row) {
        return call(db -> {
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                bindAccount(statement, account);
                for (int i = 0; i < args.size(); i++) {
                    args.get(i).bind(statement, i + 3);
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row.map(rs));
                    }
                }
                return rows;
            }
        });
    }

    private <T> T inTransaction(Work<T> work) {
        return call(db -> {
            boolean autoCommit = db.getAutoCommit();
            db.setAutoCommit(false);
            try {
                T result = work.run(db);
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(autoCommit);
            }
        });
    }

    private <T> T call(Work<T> work) {
        try {
            return withConnection(work);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static void bindAccount(PreparedStatement statement, PaperAccount account) throws SQLException {
        statement.setString(1, account.accountName());
        statement.setString(2, account.connectorName());
    }
}
