package io.aviary.trading.infra;

import static io.aviary.trading.infra.Sql.instant;
import static io.aviary.trading.infra.Sql.ts;

import io.aviary.trading.domain.ExecutorFilter;
import io.aviary.trading.domain.ExecutorRow;
import io.aviary.trading.domain.PositionHold;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Executors, their orders and the position holds they leave, in schema {@code trading}. */
@Repository
public class ExecutorRepository {

    private static final String COLUMNS = """
            executor_id, executor_type, account_name, connector_name, trading_pair, controller_id, side, status,
            close_type, trading, net_pnl_quote, net_pnl_pct, cum_fees_quote, filled_amount_quote, config::text AS config,
            custom_info::text AS custom_info, error_count, last_error, created_at, closed_at""";
    private static final RowMapper<ExecutorRow> ROW = ExecutorRepository::map;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public ExecutorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ExecutorRow row, Instant now) {
        jdbc.update("""
                INSERT INTO executors (executor_id, executor_type, account_name, connector_name, trading_pair,
                    controller_id, side, status, config, created_at, heartbeat_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""",
                row.executorId(), row.executorType(), row.accountName(), row.connectorName(), row.tradingPair(),
                row.controllerId(), row.side(), row.status(), row.configJson(), ts(row.createdAt()), ts(now));
    }

    /** The latest state and figures of a running or just terminated executor; {@code closedAt} null while it runs. */
    public void update(ExecutorRow row, Instant now) {
        jdbc.update("""
                UPDATE executors SET status = ?, close_type = ?, trading = ?, net_pnl_quote = ?, net_pnl_pct = ?,
                    cum_fees_quote = ?, filled_amount_quote = ?, custom_info = ?::jsonb, error_count = ?,
                    last_error = ?, closed_at = ?, heartbeat_at = ?
                WHERE executor_id = ?""",
                row.status(), row.closeType(), row.trading(), row.netPnlQuote(), row.netPnlPct(), row.cumFeesQuote(),
                row.filledAmountQuote(), row.customInfoJson(), row.errorCount(), row.lastError(), ts(row.closedAt()),
                ts(now), row.executorId());
    }

    /** A host's sign of life for the executors it steps (one statement per tick and host). */
    public void heartbeat(List<String> executorIds, Instant now) {
        if (!executorIds.isEmpty()) {
            jdbc.update("UPDATE executors SET heartbeat_at = ? WHERE executor_id = ANY (?)", ts(now),
                    executorIds.toArray(String[]::new));
        }
    }

    /**
     * Marks executors that are stored as running but whose host has not beaten since {@code staleBefore} (it was
     * restarted or crashed) as {@link ExecutorRow#AWAITING_RESUME}; returns their ids.
     */
    public List<String> markAwaitingResume(Instant staleBefore) {
        return jdbc.queryForList("""
                UPDATE executors SET status = ? WHERE status IN ('NOT_STARTED', 'RUNNING', 'SHUTTING_DOWN')
                    AND heartbeat_at < ? RETURNING executor_id""", String.class, ExecutorRow.AWAITING_RESUME,
                ts(staleBefore));
    }

    /** Stores an executor's checkpoint (strategy's {@code toMap()} as JSON text). */
    public void saveCheckpoint(String executorId, String checkpointJson) {
        jdbc.update("UPDATE executors SET checkpoint = ?::jsonb WHERE executor_id = ?", checkpointJson, executorId);
    }

    /** An executor awaiting resume: its row and its stored checkpoint (null when it was stored without one). */
    public record Resumable(ExecutorRow row, String checkpointJson) {
    }

    /** The executors of a session awaiting resume, oldest first. */
    public List<Resumable> awaitingResume(String account, String connector) {
        return jdbc.query("SELECT " + COLUMNS + ", checkpoint::text AS checkpoint FROM executors WHERE status = ? "
                + "AND account_name = ? AND connector_name = ? ORDER BY created_at",
                (rs, n) -> new Resumable(map(rs, n), rs.getString("checkpoint")), ExecutorRow.AWAITING_RESUME,
                account, connector);
    }

    /** The sessions that have executors awaiting resume, as (account, connector) pairs. */
    public List<String[]> sessionsAwaitingResume() {
        return jdbc.query("SELECT DISTINCT account_name, connector_name FROM executors WHERE status = ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, ExecutorRow.AWAITING_RESUME);
    }

    /** Says on the row why an executor awaiting resume cannot be resumed; true when the reason is new. */
    public boolean noteNotResumable(String executorId, String reason) {
        return jdbc.update("UPDATE executors SET last_error = ? WHERE executor_id = ? AND status = ? "
                + "AND last_error IS DISTINCT FROM ?", reason, executorId, ExecutorRow.AWAITING_RESUME, reason) > 0;
    }

    public Optional<ExecutorRow> find(String executorId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM executors WHERE executor_id = ?", ROW, executorId).stream()
                .findFirst();
    }

    /** One page (newest first) of the executors the filter selects, plus one row to tell whether more follow. */
    public List<ExecutorRow> search(ExecutorFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM executors WHERE true");
        List<Object> args = new ArrayList<>();
        appendConditions(sql, args, filter);
        if (filter.afterCreatedAt() != null) {
            sql.append(" AND (created_at, executor_id) < (?, ?)");
            args.add(ts(filter.afterCreatedAt()));
            args.add(filter.afterExecutorId());
        }
        sql.append(" ORDER BY created_at DESC, executor_id DESC LIMIT ?");
        args.add(filter.limit() + 1);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    public long count(ExecutorFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM executors WHERE true");
        List<Object> args = new ArrayList<>();
        appendConditions(sql, args, filter);
        Long n = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** The filter's conditions (not its page position): the same for a page of rows and for their count. */
    private static void appendConditions(StringBuilder sql, List<Object> args, ExecutorFilter filter) {
        anyOf(sql, args, "account_name", filter.accountNames());
        anyOf(sql, args, "connector_name", filter.connectorNames());
        anyOf(sql, args, "trading_pair", filter.tradingPairs());
        anyOf(sql, args, "executor_type", filter.executorTypes());
        anyOf(sql, args, "controller_id", filter.controllerIds());
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status());
        }
    }

    /** Every executor of a controller (all when null), for the performance report. */
    public List<ExecutorRow> byController(String controllerId) {
        return controllerId == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM executors ORDER BY created_at", ROW)
                : jdbc.query("SELECT " + COLUMNS + " FROM executors WHERE controller_id = ? ORDER BY created_at", ROW,
                        controllerId);
    }

    /** The executors stored as running (on any instance). */
    public List<ExecutorRow> active() {
        return jdbc.query("SELECT " + COLUMNS + " FROM executors WHERE status IN ('NOT_STARTED', 'RUNNING', "
                + "'SHUTTING_DOWN') ORDER BY created_at", ROW);
    }

    private static void anyOf(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (values != null && !values.isEmpty()) {
            sql.append(" AND ").append(column).append(" = ANY (?)");
            args.add(values.toArray(String[]::new));
        }
    }

    public void insertOrder(String executorId, String account, String connector, String clientOrderId, String tradeType,
            String orderType, BigDecimal amount, BigDecimal price, Instant now) {
        jdbc.update("""
                INSERT INTO executor_orders (executor_id, account_name, connector_name, client_order_id, trade_type,
                    order_type, amount, price, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                executorId, account, connector, clientOrderId, tradeType, orderType, amount, price, ts(now));
    }

    public List<String> orderIds(String executorId) {
        return jdbc.queryForList("SELECT client_order_id FROM executor_orders WHERE executor_id = ? ORDER BY id",
                String.class, executorId);
    }

    /** The active hold of a key, locked for update when called in a transaction. */
    public Optional<PositionHold> activeHold(String account, String connector, String pair, String controllerId) {
        return jdbc.query("""
                SELECT * FROM position_holds WHERE account_name = ? AND connector_name = ? AND trading_pair = ?
                    AND controller_id = ? AND status = 'ACTIVE' FOR UPDATE""", ExecutorRepository::hold,
                account, connector, pair, controllerId).stream().findFirst();
    }

    public List<PositionHold> activeHolds(String controllerId) {
        return controllerId == null
                ? jdbc.query("SELECT * FROM position_holds WHERE status = 'ACTIVE' ORDER BY id", ExecutorRepository::hold)
                : jdbc.query("SELECT * FROM position_holds WHERE status = 'ACTIVE' AND controller_id = ? ORDER BY id",
                        ExecutorRepository::hold, controllerId);
    }

    public void saveHold(PositionHold hold) {
        int updated = jdbc.update("""
                UPDATE position_holds SET buy_amount_base = ?, buy_amount_quote = ?, sell_amount_base = ?,
                    sell_amount_quote = ?, realized_pnl_quote = ?, cum_fees_quote = ?, executor_ids = ?::jsonb,
                    last_updated = ?
                WHERE account_name = ? AND connector_name = ? AND trading_pair = ? AND controller_id = ?
                    AND status = 'ACTIVE'""",
                hold.buyAmountBase(), hold.buyAmountQuote(), hold.sellAmountBase(), hold.sellAmountQuote(),
                hold.realizedPnlQuote(), hold.cumFeesQuote(), JSON.writeValueAsString(hold.executorIds()),
                ts(hold.lastUpdated()), hold.accountName(), hold.connectorName(), hold.tradingPair(),
                hold.controllerId());
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO position_holds (account_name, connector_name, trading_pair, controller_id,
                        buy_amount_base, buy_amount_quote, sell_amount_base, sell_amount_quote, realized_pnl_quote,
                        cum_fees_quote, executor_ids, created_at, last_updated)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""",
                    hold.accountName(), hold.connectorName(), hold.tradingPair(), hold.controllerId(),
                    hold.buyAmountBase(), hold.buyAmountQuote(), hold.sellAmountBase(), hold.sellAmountQuote(),
                    hold.realizedPnlQuote(), hold.cumFeesQuote(), JSON.writeValueAsString(hold.executorIds()),
                    ts(hold.lastUpdated()), ts(hold.lastUpdated()));
        }
    }

    /** @return false when no active hold had that key */
    public boolean clearHold(String account, String connector, String pair, String controllerId, Instant now) {
        return jdbc.update("""
                UPDATE position_holds SET status = 'CLEARED', cleared_at = ?, last_updated = ?
                WHERE account_name = ? AND connector_name = ? AND trading_pair = ? AND controller_id = ?
                    AND status = 'ACTIVE'""", ts(now), ts(now), account, connector, pair, controllerId) > 0;
    }

    private static PositionHold hold(ResultSet rs, int n) throws SQLException {
        List<String> ids = List.of(JSON.readValue(rs.getString("executor_ids"), String[].class));
        return new PositionHold(rs.getString("account_name"), rs.getString("connector_name"),
                rs.getString("trading_pair"), rs.getString("controller_id"), rs.getBigDecimal("buy_amount_base"),
                rs.getBigDecimal("buy_amount_quote"), rs.getBigDecimal("sell_amount_base"),
                rs.getBigDecimal("sell_amount_quote"), rs.getBigDecimal("realized_pnl_quote"),
                rs.getBigDecimal("cum_fees_quote"), ids, instant(rs, "last_updated"));
    }

    private static ExecutorRow map(ResultSet rs, int n) throws SQLException {
        return new ExecutorRow(rs.getString("executor_id"), rs.getString("executor_type"), rs.getString("account_name"),
                rs.getString("connector_name"), rs.getString("trading_pair"), rs.getString("controller_id"),
                rs.getString("side"), rs.getString("status"), rs.getString("close_type"), rs.getBoolean("trading"),
                rs.getBigDecimal("net_pnl_quote"), rs.getBigDecimal("net_pnl_pct"), rs.getBigDecimal("cum_fees_quote"),
                rs.getBigDecimal("filled_amount_quote"), rs.getString("config"), rs.getString("custom_info"),
                rs.getInt("error_count"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "closed_at"));
    }
}
