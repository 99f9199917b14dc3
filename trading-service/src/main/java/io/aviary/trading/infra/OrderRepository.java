package io.aviary.trading.infra;

import static io.aviary.trading.infra.Sql.instant;
import static io.aviary.trading.infra.Sql.ts;

import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.trading.domain.OrderRecord;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Orders in schema {@code trading}; one row per (account, connector, client order id). */
@Repository
public class OrderRepository {

    static final String COLUMNS = """
            id, account_name, connector_name, client_order_id, exchange_order_id, trading_pair, trade_type, order_type,
            position_action, amount, price, state, status, filled_amount, filled_quote, fee_paid, fee_currency,
            error_message, created_at, updated_at, status_inferred""";

    static final RowMapper<OrderRecord> ROW = OrderRepository::map;

    private final JdbcTemplate jdbc;

    public OrderRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new order row; false when the client order id or idempotency key is already taken. */
    public boolean insert(NewOrder order) {
        return jdbc.update("""
                INSERT INTO orders (account_name, connector_name, client_order_id, exchange_order_id, trading_pair,
                    trade_type, order_type, position_action, amount, price, state, status, idempotency_key, origin,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                order.session().accountName(), order.session().connectorName(), order.clientOrderId(),
                order.exchangeOrderId(), order.tradingPair().toString(), order.tradeType().name(),
                order.orderType().name(), order.positionAction().name(), order.amount(), order.price(),
                order.state().name(), order.status().name(),
                order.idempotencyKey(), order.origin(), ts(order.createdAt()), ts(order.createdAt())) == 1;
    }

    /** What a new row holds; {@code origin} is API (placed through Aviary) or VENUE (found there). */
    public record NewOrder(SessionKey session, String clientOrderId, String exchangeOrderId, TradingPair tradingPair,
            TradeType tradeType, OrderType orderType, PositionAction positionAction, BigDecimal amount,
            BigDecimal price, OrderState state, OrderStatus status, String idempotencyKey, String origin,
            Instant createdAt) {
    }

    public Optional<OrderRecord> find(SessionKey session, String clientOrderId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM orders WHERE account_name = ? AND connector_name = ? AND client_order_id = ?",
                ROW, session.accountName(), session.connectorName(), clientOrderId).stream().findFirst();
    }

    /** The row, locked until the transaction ends, so stream and poll updates of one order apply one at a time. */
    public Optional<OrderRecord> lock(SessionKey session, String clientOrderId) {
        return jdbc.query("SELECT " + COLUMNS
                        + " FROM orders WHERE account_name = ? AND connector_name = ? AND client_order_id = ? FOR UPDATE",
                ROW, session.accountName(), session.connectorName(), clientOrderId).stream().findFirst();
    }

    public Optional<OrderRecord> findByIdempotencyKey(SessionKey session, String key) {
        return jdbc.query("SELECT " + COLUMNS + " FROM orders WHERE account_name = ? AND connector_name = ? AND idempotency_key = ?",
                ROW, session.accountName(), session.connectorName(), key).stream().findFirst();
    }

    public List<OrderRecord> openOrders(SessionKey session) {
        return jdbc.query("SELECT " + COLUMNS + " FROM orders WHERE account_name = ? AND connector_name = ?"
                        + " AND status IN ('SUBMITTED', 'OPEN', 'PARTIALLY_FILLED') ORDER BY id",
                ROW, session.accountName(), session.connectorName());
    }

    /** Trading pairs of the session's orders touched since {@code since} (where fills may still be found). */
    public List<String> pairsActiveSince(SessionKey session, Instant since) {
        return jdbc.queryForList("""
                SELECT DISTINCT trading_pair FROM orders WHERE account_name = ? AND connector_name = ?
                AND (updated_at >= ? OR status IN ('SUBMITTED', 'OPEN', 'PARTIALLY_FILLED')) ORDER BY trading_pair""",
                String.class, session.accountName(), session.connectorName(), ts(since));
    }

    /** A state the venue reported: it is no longer inferred, and the venue evidently knows the order. */
    /** @return the row as it is after the change */
    public OrderRecord updateState(long id, OrderState state, OrderStatus status, String exchangeOrderId, String errorMessage,
            Instant updatedAt) {
        return update(id, state, status, exchangeOrderId, errorMessage, updatedAt, false);
    }

    /** A final state reconciliation concluded without the venue reporting it (a later report may override it). */
    public void updateInferredState(long id, OrderState state, OrderStatus status, String errorMessage, Instant updatedAt) {
        update(id, state, status, null, errorMessage, updatedAt, true);
    }

    /** The row after the change comes back with it (RETURNING): a caller that answers with the order needs no read. */
    private OrderRecord update(long id, OrderState state, OrderStatus status, String exchangeOrderId, String errorMessage,
            Instant updatedAt, boolean inferred) {
        return jdbc.query("""
                UPDATE orders SET state = ?, status = ?, exchange_order_id = COALESCE(?, exchange_order_id),
                    error_message = COALESCE(?, error_message), updated_at = GREATEST(updated_at, ?),
                    status_inferred = ?, not_found_count = 0
                WHERE id = ? RETURNING\s""" + COLUMNS, ROW, state.name(), status.name(), exchangeOrderId, errorMessage,
                ts(updatedAt), inferred, id).getFirst();
    }

    /**
     * Counts one more consecutive "no such order" answer of the venue for an open order.
     * @return the count including this answer; 0 when the order is no longer open
     */
    public int countNotFound(long id) {
        return jdbc.query("UPDATE orders SET not_found_count = not_found_count + 1 WHERE id = ?"
                        + " AND status IN ('SUBMITTED', 'OPEN', 'PARTIALLY_FILLED') RETURNING not_found_count",
                (rs, i) -> rs.getInt(1), id).stream().findFirst().orElse(0);
    }

    /** The venue answered for the order: a later "not found" starts counting afresh. */
    public void resetNotFound(SessionKey session, String clientOrderId) {
        jdbc.update("UPDATE orders SET not_found_count = 0 WHERE account_name = ? AND connector_name = ?"
                        + " AND client_order_id = ? AND not_found_count > 0",
                session.accountName(), session.connectorName(), clientOrderId);
    }

    /** {@link #resetNotFound(SessionKey, String)} for many orders in one statement. */
    public void resetNotFound(SessionKey session, Collection<String> clientOrderIds) {
        if (clientOrderIds.isEmpty()) {
            return;
        }
        jdbc.update("UPDATE orders SET not_found_count = 0 WHERE account_name = ? AND connector_name = ?"
                        + " AND client_order_id = ANY (?) AND not_found_count > 0",
                session.accountName(), session.connectorName(), clientOrderIds.toArray(String[]::new));
    }

    /**
     * Recomputes what the order's fills add up to from the trades table (not by increments, so a fill
     * applied twice cannot double-count). The fee total is in the fee currency of the first fill;
     * fills charged in another asset are left out of {@code fee_paid} (their fees stay on the trades).
     */
    public void refreshFillTotals(long id) {
        jdbc.update("""
                UPDATE orders o SET filled_amount = t.base, filled_quote = t.quote, fee_paid = t.fee,
                    fee_currency = t.fee_currency
                FROM (SELECT COALESCE(SUM(tr.amount), 0) AS base, COALESCE(SUM(tr.amount * tr.price), 0) AS quote,
                             COALESCE(SUM(tr.fee) FILTER (WHERE tr.fee_currency IS NOT DISTINCT FROM f.first_currency), 0) AS fee,
                             f.first_currency AS fee_currency
                      FROM orders o2
                      LEFT JOIN trades tr ON tr.account_name = o2.account_name AND tr.connector_name = o2.connector_name
                           AND tr.client_order_id = o2.client_order_id
                      LEFT JOIN LATERAL (SELECT fee_currency AS first_currency FROM trades t1
                           WHERE t1.account_name = o2.account_name AND t1.connector_name = o2.connector_name
                           AND t1.client_order_id = o2.client_order_id ORDER BY t1.filled_at, t1.id LIMIT 1) f ON true
                      WHERE o2.id = ? GROUP BY f.first_currency) t
                WHERE o.id = ?""", id, id);
    }

    private static OrderRecord map(ResultSet rs, int row) throws SQLException {
        return new OrderRecord(rs.getLong("id"), rs.getString("account_name"), rs.getString("connector_name"),
                rs.getString("client_order_id"), rs.getString("exchange_order_id"),
                TradingPair.parse(rs.getString("trading_pair")), TradeType.valueOf(rs.getString("trade_type")),
                OrderType.valueOf(rs.getString("order_type")), PositionAction.valueOf(rs.getString("position_action")),
                rs.getBigDecimal("amount"), rs.getBigDecimal("price"), OrderState.valueOf(rs.getString("state")),
                OrderStatus.valueOf(rs.getString("status")), rs.getBigDecimal("filled_amount"),
                rs.getBigDecimal("filled_quote"), rs.getBigDecimal("fee_paid"), rs.getString("fee_currency"),
                rs.getString("error_message"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getBoolean("status_inferred"));
    }
}
