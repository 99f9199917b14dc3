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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link PaperLedger} in PostgreSQL, plain JDBC so the connector layer needs no framework. Tables:
 * {@code db/paper/V0_5__paper_trading_ledger.sql}, in the schema the data source defaults to.
 * Balance rows of a change are locked in asset order, so concurrent changes cannot deadlock.
 */
public final class JdbcPaperLedger implements PaperLedger {

    private static final String ORDER_COLUMNS = "client_order_id, exchange_order_id, trading_pair, side, order_type, "
            + "price, amount, executed_base, executed_quote, state, reason, locked_asset, locked_remaining, created_at, updated_at";

    private final DataSource dataSource;

    public JdbcPaperLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void open(PaperAccount account, Map<String, BigDecimal> startingBalances) {
        inTransaction(db -> {
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO paper_account (account_name, connector_name) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                bindAccount(insert, account);
                if (insert.executeUpdate() == 0) {
                    return null;
                }
            }
            try (PreparedStatement balance = db.prepareStatement(
                    "INSERT INTO paper_balance (account_name, connector_name, asset, total) VALUES (?, ?, ?, ?)")) {
                for (var entry : startingBalances.entrySet()) {
                    bindAccount(balance, account);
                    balance.setString(3, entry.getKey());
                    balance.setBigDecimal(4, entry.getValue());
                    balance.addBatch();
                }
                balance.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<Balance> balances(PaperAccount account) {
        return query("SELECT asset, total, locked FROM paper_balance WHERE account_name = ? AND connector_name = ? "
                + "AND total <> 0 ORDER BY asset", account, List.of(),
                rs -> new Balance(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(2).subtract(rs.getBigDecimal(3))));
    }

    @Override
    public Optional<PaperOrder> order(PaperAccount account, String clientOrderId) {
        return query("SELECT " + ORDER_COLUMNS + " FROM paper_order WHERE account_name = ? AND connector_name = ? "
                + "AND client_order_id = ?", account, List.of(clientOrderId), JdbcPaperLedger::order).stream().findFirst();
    }

    @Override
    public List<PaperOrder> openOrders(PaperAccount account) {
        return query("SELECT " + ORDER_COLUMNS + " FROM paper_order WHERE account_name = ? AND connector_name = ? "
                + "AND state IN ('OPEN', 'PARTIALLY_FILLED') ORDER BY created_at, client_order_id", account, List.of(),
                JdbcPaperLedger::order);
    }

    @Override
    public List<Fill> fills(PaperAccount account, String clientOrderId, TradingPair pair, Instant since) {
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
            args.add(Timestamp.from(since));
        }
        sql.append(" ORDER BY filled_at, trade_id");
        return query(sql.toString(), account, args, rs -> new Fill(rs.getString(1), rs.getString(2), null,
                TradingPair.parse(rs.getString(3)), TradeType.valueOf(rs.getString(4)), rs.getBigDecimal(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getBoolean(9), PositionAction.NIL,
                rs.getTimestamp(10).toInstant()));
    }

    @Override
    public void apply(PaperAccount account, PaperOrder order, List<Fill> newFills, List<BalanceChange> changes) {
        inTransaction(db -> {
            // one net change per asset (a fill of a resting SELL spends base and releases its lock at
            // once), applied in asset order so concurrent steps lock balance rows in the same order
            Map<String, BalanceChange> net = new java.util.TreeMap<>();
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
        open(account, startingBalances);
        inTransaction(db -> {
            BigDecimal locked = BigDecimal.ZERO;
            try (PreparedStatement select = db.prepareStatement("SELECT locked FROM paper_balance "
                    + "WHERE account_name = ? AND connector_name = ? AND asset = ? FOR UPDATE")) {
                bindAccount(select, account);
                select.setString(3, asset);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        locked = rs.getBigDecimal(1);
                    }
                }
            }
            if (total.compareTo(locked) < 0) {
                throw InsufficientBalance.lockedByOrders(asset, locked, total);
            }
            try (PreparedStatement upsert = db.prepareStatement("INSERT INTO paper_balance (account_name, connector_name, "
                    + "asset, total) VALUES (?, ?, ?, ?) ON CONFLICT (account_name, connector_name, asset) "
                    + "DO UPDATE SET total = EXCLUDED.total")) {
                bindAccount(upsert, account);
                upsert.setString(3, asset);
                upsert.setBigDecimal(4, total);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    private static void applyBalance(Connection db, PaperAccount account, BalanceChange change) throws SQLException {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal locked = BigDecimal.ZERO;
        try (PreparedStatement select = db.prepareStatement("SELECT total, locked FROM paper_balance "
                + "WHERE account_name = ? AND connector_name = ? AND asset = ? FOR UPDATE")) {
            bindAccount(select, account);
            select.setString(3, change.asset());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    total = rs.getBigDecimal(1);
                    locked = rs.getBigDecimal(2);
                }
            }
        }
        BigDecimal newTotal = total.add(change.total());
        BigDecimal newLocked = locked.add(change.locked()).max(BigDecimal.ZERO);
        if (newTotal.compareTo(newLocked) < 0) {
            BigDecimal needed = change.locked().max(BigDecimal.ZERO).subtract(change.total());
            throw new InsufficientBalance(change.asset(), needed, total.subtract(locked));
        }
        try (PreparedStatement upsert = db.prepareStatement("INSERT INTO paper_balance (account_name, connector_name, "
                + "asset, total, locked) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_name, connector_name, asset) "
                + "DO UPDATE SET total = EXCLUDED.total, locked = EXCLUDED.locked")) {
            bindAccount(upsert, account);
            upsert.setString(3, change.asset());
            upsert.setBigDecimal(4, newTotal);
            upsert.setBigDecimal(5, newLocked);
            upsert.executeUpdate();
        }
    }

    private static void upsertOrder(Connection db, PaperAccount account, PaperOrder o) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement("INSERT INTO paper_order (account_name, connector_name, "
                + ORDER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (account_name, connector_name, client_order_id) DO UPDATE SET "
                + "executed_base = EXCLUDED.executed_base, executed_quote = EXCLUDED.executed_quote, "
                + "state = EXCLUDED.state, reason = EXCLUDED.reason, locked_remaining = EXCLUDED.locked_remaining, "
                + "updated_at = EXCLUDED.updated_at")) {
            bindAccount(upsert, account);
            upsert.setString(3, o.clientOrderId());
            upsert.setString(4, o.exchangeOrderId());
            upsert.setString(5, o.tradingPair().toString());
            upsert.setString(6, o.side().name());
            upsert.setString(7, o.type().name());
            upsert.setBigDecimal(8, o.price());
            upsert.setBigDecimal(9, o.amount());
            upsert.setBigDecimal(10, o.executedBase());
            upsert.setBigDecimal(11, o.executedQuote());
            upsert.setString(12, o.state().name());
            upsert.setString(13, o.reason());
            upsert.setString(14, o.lockedAsset());
            upsert.setBigDecimal(15, o.lockedRemaining());
            upsert.setTimestamp(16, Timestamp.from(o.createdAt()));
            upsert.setTimestamp(17, Timestamp.from(o.updatedAt()));
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
                insert.setBigDecimal(7, f.price());
                insert.setBigDecimal(8, f.amount());
                insert.setBigDecimal(9, f.fee());
                insert.setString(10, f.feeAsset());
                insert.setBoolean(11, f.maker());
                insert.setTimestamp(12, Timestamp.from(f.timestamp()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static PaperOrder order(ResultSet rs) throws SQLException {
        return new PaperOrder(rs.getString(1), rs.getString(2), TradingPair.parse(rs.getString(3)),
                TradeType.valueOf(rs.getString(4)), OrderType.valueOf(rs.getString(5)), rs.getBigDecimal(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), OrderState.valueOf(rs.getString(10)),
                rs.getString(11), rs.getString(12), rs.getBigDecimal(13), rs.getTimestamp(14).toInstant(),
                rs.getTimestamp(15).toInstant());
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    private <T> List<T> query(String sql, PaperAccount account, List<Object> args, Row<T> row) {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
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
            throw new PaperLedgerException(e);
        }
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection db = dataSource.getConnection()) {
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
        } catch (SQLException e) {
            throw new PaperLedgerException(e);
        }
    }

    private static void bindAccount(PreparedStatement statement, PaperAccount account) throws SQLException {
        statement.setString(1, account.accountName());
        statement.setString(2, account.connectorName());
    }

    /** The ledger's database failed; the paper venue is then unavailable, like a real one whose backend is down. */
    public static final class PaperLedgerException extends PaperLedger.Unavailable {
        PaperLedgerException(SQLException cause) {
            super("paper ledger: " + cause.getMessage(), cause);
        }
    }
}
