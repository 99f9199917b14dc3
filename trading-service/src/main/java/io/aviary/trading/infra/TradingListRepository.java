package io.aviary.trading.infra;

import static io.aviary.trading.infra.Sql.instant;

import io.aviary.trading.domain.FundingRow;
import io.aviary.trading.domain.ListQuery;
import io.aviary.trading.domain.OrderRecord;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.Page;
import io.aviary.trading.domain.PageCursor;
import io.aviary.trading.domain.PositionRow;
import io.aviary.trading.domain.TradeRow;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The paginated trading lists, read with keyset pagination: each list has a total order ending in a
 * unique column, the cursor is the sort key of the last item returned, and the next page is the
 * rows strictly after it. Rows inserted meanwhile therefore never shift a page (no duplicates, no
 * gaps), and every filter, single- or multi-valued, is applied in SQL before the limit. The whole
 * list is counted at most once per chain of pages (see {@link #totalCount}).
 */
@Repository
public class TradingListRepository {

    private final JdbcTemplate jdbc;

    public TradingListRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Orders, newest first; {@code statuses} empty = any. */
    public Page<OrderRecord> orders(ListQuery query, List<OrderStatus> statuses) {
        Where where = common(query, "created_at").anyOf("status", statuses.stream().map(Enum::name).toList());
        return page("SELECT " + OrderRepository.COLUMNS + " FROM orders", where, query,
                "(created_at, id) < (?, ?)", "created_at DESC, id DESC", c -> new Object[] {ts(c, 0), id(c, 1)},
                OrderRepository.ROW, o -> List.of(o.createdAt().toString(), Long.toString(o.id())));
    }

    /** Open orders, by client order id. */
    public Page<OrderRecord> activeOrders(ListQuery query) {
        Where where = common(query, "created_at").anyOf("status", List.of("SUBMITTED", "OPEN", "PARTIALLY_FILLED"));
        return page("SELECT " + OrderRepository.COLUMNS + " FROM orders", where, query,
                "(client_order_id, id) > (?, ?)", "client_order_id, id", c -> new Object[] {c.part(0), id(c, 1)},
                OrderRepository.ROW, o -> List.of(o.clientOrderId(), Long.toString(o.id())));
    }

    /** The fills of {@code orders} (one page of open orders), by order, oldest first. */
    public Map<OrderRef, List<TradeRow>> fillsOf(List<OrderRecord> orders) {
        if (orders.isEmpty()) {
            return Map.of();
        }
        String tuples = String.join(", ", Collections.nCopies(orders.size(), "(?, ?, ?)"));
        Object[] args = orders.stream()
                .flatMap(o -> Stream.of(o.accountName(), o.connectorName(), o.clientOrderId()))
                .toArray();
        Map<OrderRef, List<TradeRow>> fills = new HashMap<>();
        jdbc.query("SELECT * FROM trades WHERE (account_name, connector_name, client_order_id) IN (" + tuples
                + ") ORDER BY filled_at, id", TradingListRepository::trade, args)
                .forEach(t -> fills.computeIfAbsent(new OrderRef(t.accountName(), t.connectorName(), t.clientOrderId()),
                        k -> new ArrayList<>()).add(t));
        return fills;
    }

    /** The leverage of the positions held in the pairs of {@code orders}, by account, connector and pair. */
    public Map<OrderRef, Integer> positionLeverage(List<OrderRecord> orders) {
        if (orders.isEmpty()) {
            return Map.of();
        }
        String tuples = String.join(", ", Collections.nCopies(orders.size(), "(?, ?, ?)"));
        Object[] args = orders.stream()
                .flatMap(o -> Stream.of(o.accountName(), o.connectorName(), o.tradingPair().toString()))
                .toArray();
        Map<OrderRef, Integer> leverage = new HashMap<>();
        jdbc.query("SELECT account_name, connector_name, trading_pair, max(leverage) AS leverage FROM positions"
                + " WHERE leverage IS NOT NULL AND (account_name, connector_name, trading_pair) IN (" + tuples + ")"
                + " GROUP BY account_name, connector_name, trading_pair",
                rs -> {
                    leverage.put(new OrderRef(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getInt(4));
                }, args);
        return leverage;
    }

    /** An account, connector and a third key (a client order id, or a trading pair). */
    public record OrderRef(String accountName, String connectorName, String key) {
    }

    /** Fills, newest first; {@code tradeTypes} empty = both sides. */
    public Page<TradeRow> trades(ListQuery query, List<String> tradeTypes) {
        Where where = common(query, "filled_at").anyOf("trade_type", tradeTypes);
        return page("SELECT * FROM trades", where, query, "(filled_at, id) < (?, ?)", "filled_at DESC, id DESC",
                c -> new Object[] {ts(c, 0), id(c, 1)}, TradingListRepository::trade,
                t -> List.of(t.filledAt().toString(), Long.toString(t.id())));
    }

    /** Open positions, by account, connector, pair and side. */
    public Page<PositionRow> positions(ListQuery query) {
        Where where = common(query, "updated_at");
        return page("SELECT * FROM positions", where, query,
                "(account_name, connector_name, trading_pair, side) > (?, ?, ?, ?)",
                "account_name, connector_name, trading_pair, side",
                c -> new Object[] {c.part(0), c.part(1), c.part(2), c.part(3)}, TradingListRepository::position,
                p -> List.of(p.accountName(), p.connectorName(), p.tradingPair(), p.side()));
    }

    /** Funding payments, newest first. */
    public Page<FundingRow> funding(ListQuery query) {
        Where where = common(query, "paid_at");
        return page("SELECT * FROM funding_payments", where, query, "(paid_at, id) < (?, ?)", "paid_at DESC, id DESC",
                c -> new Object[] {ts(c, 0), id(c, 1)}, TradingListRepository::funding,
                f -> List.of(f.paidAt().toString(), Long.toString(f.id())));
    }


    private static Where common(ListQuery query, String timeColumn) {
        return new Where().anyOf("account_name", query.accountNames()).anyOf("connector_name", query.connectorNames())
                .anyOf("trading_pair", query.tradingPairs()).between(timeColumn, query.start(), query.end());
    }

    private <T> Page<T> page(String select, Where filters, ListQuery query, String after, String orderBy,
            Function<PageCursor, Object[]> afterArgs, RowMapper<T> mapper, Function<T, List<String>> keyOf) {
        PageCursor cursor = query.cursor();
        Where pageWhere = filters.copy();
        if (cursor != null) {
            pageWhere.clause(after, afterArgs.apply(cursor));
        }
        List<T> rows = jdbc.query(select + pageWhere.sql() + " ORDER BY " + orderBy + " LIMIT ?", mapper,
                pageWhere.args(query.limit() + 1));
        boolean more = rows.size() > query.limit();
        List<T> items = more ? rows.subList(0, query.limit()) : rows;
        long returned = (cursor == null ? 0 : cursor.returned()) + items.size();
        long total = totalCount(select, filters, cursor, more, returned);
        String next = more ? new PageCursor(keyOf.apply(items.getLast()), total, returned).encode() : null;
        return new Page<>(items, query.limit(), more, next, total);
    }

    /**
     * {@code total_count} without counting the whole list on every page: the last page of a chain (a
     * single page included) knows it exactly, as everything the chain returned; only a first page with
     * more to come counts, once, and its cursor carries that count to the following pages (never less
     * than what they have returned plus the one still to come).
     */
    private long totalCount(String select, Where filters, PageCursor cursor, boolean more, long returned) {
        if (!more) {
            return returned;
        }
        long floor = returned + 1;
        if (cursor != null) {
            return Math.max(cursor.totalCount(), floor);
        }
        Long counted = jdbc.queryForObject("SELECT count(*) FROM (" + select + filters.sql() + ") counted", Long.class,
                filters.args());
        return Math.max(counted == null ? 0 : counted, floor);
    }

    private static Timestamp ts(PageCursor cursor, int part) {
        try {
            return Timestamp.from(Instant.parse(cursor.part(part)));
        } catch (RuntimeException e) {
            throw new PageCursor.InvalidCursor(cursor.encode());
        }
    }

    private static long id(PageCursor cursor, int part) {
        try {
            return Long.parseLong(cursor.part(part));
        } catch (NumberFormatException e) {
            throw new PageCursor.InvalidCursor(cursor.encode());
        }
    }

    private static TradeRow trade(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new TradeRow(rs.getLong("id"), rs.getString("account_name"), rs.getString("connector_name"),
                rs.getString("trading_pair"), rs.getString("trade_id"), rs.getString("client_order_id"),
                rs.getString("trade_type"), rs.getString("position_action"), rs.getBigDecimal("price"),
                rs.getBigDecimal("amount"), rs.getBigDecimal("fee"), rs.getString("fee_currency"),
                rs.getBoolean("maker"), instant(rs, "filled_at"));
    }

    private static PositionRow position(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PositionRow(rs.getString("account_name"), rs.getString("connector_name"), rs.getString("trading_pair"),
                rs.getString("side"), rs.getBigDecimal("amount"), rs.getBigDecimal("entry_price"),
                rs.getBigDecimal("mark_price"), rs.getBigDecimal("unrealized_pnl"), (Integer) rs.getObject("leverage"),
                rs.getBigDecimal("liquidation_price"), instant(rs, "updated_at"));
    }

    private static FundingRow funding(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new FundingRow(rs.getLong("id"), rs.getString("account_name"), rs.getString("connector_name"),
                rs.getString("trading_pair"), instant(rs, "paid_at"), rs.getBigDecimal("funding_rate"),
                rs.getBigDecimal("amount"), rs.getString("asset"), rs.getString("position_side"),
                rs.getBigDecimal("position_size"));
    }
}
