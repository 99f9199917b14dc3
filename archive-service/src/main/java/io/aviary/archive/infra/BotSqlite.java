package io.aviary.archive.infra;

import io.aviary.archive.domain.ArchiveProblem;
import io.aviary.archive.domain.ArchiveProblem.Kind;
import io.aviary.archive.domain.ControllerFigures;
import io.aviary.archive.domain.DatabaseSummary;
import io.aviary.archive.domain.Fill;
import io.aviary.archive.domain.MarketBook;
import io.aviary.archive.domain.PageRequest;
import io.aviary.archive.domain.SqliteDecimal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * One archived bot database (Hummingbot's SQLite schema, hummingbot-internals §2.2), opened read-only. Every read is
 * bounded: pages come from SQLite with LIMIT/OFFSET, fills are streamed one row at a time; nothing loads a whole
 * table. Tables and columns an older archive lacks read as absent (zero rows, {@code null} values), never as errors.
 * Decimal columns ({@code SqliteDecimal(6)}) are decoded exactly; timestamps are returned in the unit they are stored
 * in (ms for Order/TradeFill/OrderStatus/Position, seconds for Executors/Controllers).
 */
public final class BotSqlite implements AutoCloseable {

    /** The tables a reader of a bot database looks at; a file with neither of the first two is not a bot database. */
    public static final List<String> TABLES = List.of("TradeFill", "Order", "OrderStatus", "Executors", "Controllers",
            "Position");
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private static final List<String> TRADE_COLUMNS = List.of("config_file_path", "strategy", "market", "symbol",
            "base_asset", "quote_asset", "timestamp", "order_id", "trade_type", "order_type", "price", "amount",
            "leverage", "trade_fee", "trade_fee_in_quote", "exchange_trade_id", "position");
    private static final List<String> ORDER_COLUMNS = List.of("id", "config_file_path", "strategy", "market", "symbol",
            "base_asset", "quote_asset", "creation_timestamp", "order_type", "amount", "leverage", "price",
            "last_status", "last_update_timestamp", "exchange_order_id", "position");
    private static final List<String> POSITION_COLUMNS = List.of("id", "controller_id", "connector_name", "side",
            "trading_pair", "timestamp", "volume_traded_quote", "amount", "breakeven_price", "unrealized_pnl_quote",
            "realized_pnl_quote", "cum_fees_quote");
    private static final List<String> EXECUTOR_COLUMNS = List.of("id", "timestamp", "type", "close_type",
            "close_timestamp", "status", "config", "net_pnl_pct", "net_pnl_quote", "cum_fees_quote",
            "filled_amount_quote", "is_active", "is_trading", "custom_info", "controller_id");
    private static final List<String> CONTROLLER_COLUMNS = List.of("id", "controller_id", "timestamp", "type",
            "config");
    /** Hummingbot's column names of Order/TradeFill renamed as its API answers them. */
    private static final Map<String, String> RENAMED = Map.of("market", "connector_name", "symbol", "trading_pair");
    private static final Set<String> TRADE_DECIMALS = Set.of("price", "amount", "trade_fee_in_quote");
    private static final Set<String> ORDER_DECIMALS = Set.of("price", "amount");
    private static final Set<String> POSITION_DECIMALS = Set.of("volume_traded_quote", "amount", "breakeven_price",
            "unrealized_pnl_quote", "realized_pnl_quote", "cum_fees_quote");

    private final Connection connection;
    /** Table → its columns, for the tables this file has. */
    private final Map<String, Set<String>> tables;

    private BotSqlite(Connection connection, Map<String, Set<String>> tables) {
        this.connection = connection;
        this.tables = tables;
    }

    /**
     * Opens {@code file} read-only after checking that it is a SQLite database with Hummingbot's bot tables;
     * otherwise the refusal names which of the two it is not.
     */
    public static BotSqlite open(Path file) {
        checkHeader(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setBusyTimeout(2_000);
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            Map<String, Set<String>> tables = tablesOf(connection);
            if (!tables.containsKey("Order") && !tables.containsKey("TradeFill")) {
                throw new ArchiveProblem(Kind.NOT_HUMMINGBOT,
                        "Not a Hummingbot bot database: it has neither an Order nor a TradeFill table");
            }
            return new BotSqlite(connection, tables);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw unreadable(e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void checkHeader(Path file) {
        byte[] start = new byte[HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an archived database", e);
        }
        if (read == 0) {
            throw new ArchiveProblem(Kind.NOT_HUMMINGBOT, "Not a Hummingbot bot database: the file is empty");
        }
        if (read < HEADER.length || !Arrays.equals(start, HEADER)) {
            throw new ArchiveProblem(Kind.NOT_SQLITE,
                    "Not a SQLite database: the file does not start with the SQLite header");
        }
    }

    private static Map<String, Set<String>> tablesOf(Connection connection) throws SQLException {
        Map<String, Set<String>> tables = new HashMap<>();
        for (String table : TABLES) {
            try (PreparedStatement info = connection.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
                info.setString(1, table);
                Set<String> columns = new LinkedHashSet<>();
                try (ResultSet rows = info.executeQuery()) {
                    while (rows.next()) {
                        columns.add(rows.getString(1));
                    }
                }
                if (!columns.isEmpty()) {
                    tables.put(table, columns);
                }
            }
        }
        return tables;
    }

    public boolean has(String table) {
        return tables.containsKey(table);
    }

    /** Per table of {@link #TABLES}: {@code "Correct"} when it is there and a row can be read, else the error. */
    public Map<String, String> tableStatus() {
        Map<String, String> status = new LinkedHashMap<>();
        for (String table : TABLES) {
            if (!has(table)) {
                status.put(table, "Error - no such table: " + table);
                continue;
            }
            try (PreparedStatement probe = connection.prepareStatement("SELECT * FROM " + quoted(table) + " LIMIT 1");
                    ResultSet row = probe.executeQuery()) {
                row.next();
                status.put(table, "Correct");
            } catch (SQLException e) {
                status.put(table, "Error - " + ArchiveProblem.bounded(e.getMessage()));
            }
        }
        return status;
    }

    /** Row counts and markets; what the index keeps. Scans each table once (the cost of indexing a file). */
    public DatabaseSummary summary() {
        Set<String> pairs = new TreeSet<>();
        Set<String> exchanges = new TreeSet<>();
        for (String table : List.of("Order", "TradeFill")) {
            if (has(table) && columns(table).containsAll(List.of("market", "symbol"))) {
                query("SELECT DISTINCT market, symbol FROM " + quoted(table)
                        + " WHERE market IS NOT NULL AND symbol IS NOT NULL", List.of(), row -> {
                            exchanges.add(row.getString(1));
                            pairs.add(row.getString(2));
                        });
            }
        }
        return new DatabaseSummary(count("Order"), count("TradeFill"), count("Executors"), count("Position"),
                count("Controllers"), List.copyOf(pairs), List.copyOf(exchanges));
    }

    public long count(String table) {
        if (!has(table)) {
            return 0;
        }
        long[] count = new long[1];
        query("SELECT COUNT(*) FROM " + quoted(table), List.of(), row -> count[0] = row.getLong(1));
        return count[0];
    }

    /** Orders whose {@code last_status} is {@code status}. */
    public long countOrders(String status) {
        if (!has("Order") || !columns("Order").contains("last_status")) {
            return 0;
        }
        long[] count = new long[1];
        query("SELECT COUNT(*) FROM \"Order\" WHERE last_status = ?", List.of(status), row -> count[0] = row.getLong(1));
        return count[0];
    }

    /**
     * A page of TradeFill rows in stored order, decoded, with {@code connector_name}/{@code trading_pair} and
     * {@code cum_fees_in_quote}: the running fee total of the row's (config, connector, pair) up to and including it.
     */
    public List<Map<String, Object>> trades(PageRequest page) {
        if (!has("TradeFill")) {
            return List.of();
        }
        List<Long> rowids = new ArrayList<>();
        List<Map<String, Object>> rows = page("TradeFill", TRADE_COLUMNS, TRADE_DECIMALS, null, page, rowids);
        if (rows.isEmpty()) {
            return rows;
        }
        boolean feeColumn = columns("TradeFill").contains("trade_fee_in_quote");
        Map<List<Object>, BigDecimal> running = feeColumn ? feesBefore(rowids.getFirst()) : new HashMap<>();
        for (Map<String, Object> row : rows) {
            List<Object> group = Arrays.asList(row.get("config_file_path"), row.get("connector_name"),
                    row.get("trading_pair"));
            BigDecimal fee = row.get("trade_fee_in_quote") instanceof BigDecimal value ? value : BigDecimal.ZERO;
            BigDecimal total = running.getOrDefault(group, BigDecimal.ZERO).add(fee);
            running.put(group, total);
            row.put("cum_fees_in_quote", SqliteDecimal.plain(total));
        }
        return rows;
    }

    /** Fee totals per (config, connector, pair) of the rows stored before {@code rowid}: one pass, a row per group. */
    private Map<List<Object>, BigDecimal> feesBefore(long rowid) {
        Map<List<Object>, BigDecimal> totals = new HashMap<>();
        query("SELECT config_file_path, market, symbol, SUM(trade_fee_in_quote) FROM \"TradeFill\" WHERE rowid < ?"
                + " GROUP BY 1, 2, 3", List.of(rowid), row -> {
                    BigDecimal sum = SqliteDecimal.decode(row.getObject(4));
                    totals.put(Arrays.asList(row.getString(1), row.getString(2), row.getString(3)),
                            sum == null ? BigDecimal.ZERO : sum);
                });
        return totals;
    }

    /** A page of Order rows in stored order, optionally only those whose {@code last_status} is {@code status}. */
    public List<Map<String, Object>> orders(PageRequest page, String status) {
        if (!has("Order")) {
            return List.of();
        }
        String where = status == null ? null : "last_status = ?";
        if (status != null && !columns("Order").contains("last_status")) {
            return List.of();
        }
        return page("Order", ORDER_COLUMNS, ORDER_DECIMALS, where == null ? null : new Filter(where, status), page,
                new ArrayList<>());
    }

    /** A page of Position rows, every decimal column decoded (also {@code realized_pnl_quote}). */
    public List<Map<String, Object>> positions(PageRequest page) {
        return has("Position") ? page("Position", POSITION_COLUMNS, POSITION_DECIMALS, null, page, new ArrayList<>())
                : List.of();
    }

    /** A page of Executors rows as stored ({@code config}/{@code custom_info} JSON text, times in seconds). */
    public List<Map<String, Object>> executors(PageRequest page) {
        return has("Executors") ? page("Executors", EXECUTOR_COLUMNS, Set.of(), null, page, new ArrayList<>())
                : List.of();
    }

    /** A page of Controllers rows as stored ({@code config} JSON text, {@code timestamp} in seconds). */
    public List<Map<String, Object>> controllers(PageRequest page) {
        return has("Controllers") ? page("Controllers", CONTROLLER_COLUMNS, Set.of(), null, page, new ArrayList<>())
                : List.of();
    }

    /** Every fill in time order (ties in stored order), one row in memory at a time. */
    public void streamFills(Consumer<Fill> sink) {
        streamFillsWithRowid((rowid, fill) -> sink.accept(fill));
    }

    /** A fill with the rowid it is stored under, so that a stored position in time order can fetch it again. */
    @FunctionalInterface
    public interface FillSink {
        void accept(long rowid, Fill fill);
    }

    /** Every fill in time order (ties in stored order) with its rowid; rows without a price or amount are skipped. */
    public void streamFillsWithRowid(FillSink sink) {
        if (!has("TradeFill")) {
            return;
        }
        query("SELECT rowid, " + fillColumns() + " FROM \"TradeFill\" ORDER BY timestamp, rowid", List.of(),
                row -> decodeFill(row, sink));
    }

    /**
     * The fills stored under {@code rowids}, in the order of that list: primary-key lookups, so a page of fills at any
     * position in time order costs its own size, not the table's.
     */
    public List<Fill> fillsAt(List<Long> rowids) {
        if (rowids.isEmpty() || !has("TradeFill")) {
            return List.of();
        }
        Map<Long, Fill> found = new HashMap<>();
        StringBuilder in = new StringBuilder();
        for (Long rowid : rowids) {
            in.append(in.isEmpty() ? "" : ",").append(rowid.longValue());
        }
        query("SELECT rowid, " + fillColumns() + " FROM \"TradeFill\" WHERE rowid IN (" + in + ")", List.of(),
                row -> decodeFill(row, found::put));
        return rowids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private String fillColumns() {
        String fee = columns("TradeFill").contains("trade_fee_in_quote") ? "trade_fee_in_quote" : "NULL";
        return "timestamp, market, symbol, trade_type, price, amount, " + fee;
    }

    private static void decodeFill(ResultSet row, FillSink sink) throws SQLException {
        BigDecimal price = SqliteDecimal.decode(row.getObject(6));
        BigDecimal amount = SqliteDecimal.decode(row.getObject(7));
        if (price == null || amount == null) {
            return;
        }
        sink.accept(row.getLong(1), new Fill(row.getLong(2), row.getString(3), row.getString(4),
                "BUY".equalsIgnoreCase(row.getString(5)), price, amount, SqliteDecimal.decode(row.getObject(8))));
    }

    /** The executors' own figures summed per controller (none without an Executors table). */
    public List<ControllerFigures> controllerFigures() {
        if (!has("Executors") || !columns("Executors").containsAll(
                List.of("controller_id", "net_pnl_quote", "cum_fees_quote", "filled_amount_quote"))) {
            return List.of();
        }
        List<ControllerFigures> figures = new ArrayList<>();
        query("SELECT controller_id, COUNT(*), TOTAL(net_pnl_quote), TOTAL(cum_fees_quote), TOTAL(filled_amount_quote)"
                + " FROM \"Executors\" GROUP BY controller_id ORDER BY controller_id", List.of(), row -> figures.add(
                        new ControllerFigures(row.getString(1), row.getLong(2), real(row.getDouble(3)),
                                real(row.getDouble(4)), real(row.getDouble(5)))));
        return figures;
    }

    private static BigDecimal real(double value) {
        return MarketBook.wire(BigDecimal.valueOf(value));
    }

    private record Filter(String where, Object value) {
    }

    private List<Map<String, Object>> page(String table, List<String> expected, Set<String> decimals, Filter filter,
            PageRequest page, List<Long> rowids) {
        Set<String> present = columns(table);
        StringBuilder sql = new StringBuilder("SELECT rowid");
        for (String column : expected) {
            sql.append(", ").append(present.contains(column) ? quoted(column) : "NULL");
        }
        sql.append(" FROM ").append(quoted(table));
        List<Object> parameters = new ArrayList<>();
        if (filter != null) {
            sql.append(" WHERE ").append(filter.where());
            parameters.add(filter.value());
        }
        sql.append(" ORDER BY rowid LIMIT ? OFFSET ?");
        parameters.add(page.limit());
        parameters.add(page.offset());
        List<Map<String, Object>> rows = new ArrayList<>();
        query(sql.toString(), parameters, row -> {
            rowids.add(row.getLong(1));
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < expected.size(); i++) {
                String column = expected.get(i);
                Object value = row.getObject(i + 2);
                out.put(RENAMED.getOrDefault(column, column), decimals.contains(column)
                        ? SqliteDecimal.decode(value) : value);
            }
            rows.add(out);
        });
        return rows;
    }

    private Set<String> columns(String table) {
        return tables.getOrDefault(table, Set.of());
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowReader reader) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static ArchiveProblem unreadable(SQLException e) {
        return new ArchiveProblem(Kind.NOT_SQLITE,
                "The database cannot be read as SQLite: " + ArchiveProblem.bounded(e.getMessage()));
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a read-only connection has nothing to lose
        }
    }

}
