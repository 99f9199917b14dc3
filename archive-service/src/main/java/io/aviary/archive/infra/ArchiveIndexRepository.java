package io.aviary.archive.infra;

import io.aviary.archive.domain.ArchiveProblem;
import io.aviary.archive.domain.ArchivedFile;
import io.aviary.archive.domain.DatabaseSummary;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The summary table {@code archive.archived_database}: one row per archived database, with its fingerprint. */
@Repository
public class ArchiveIndexRepository {

    private final JdbcTemplate jdbc;

    public ArchiveIndexRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored row: the file it was made from, and either its summary or why the file is not readable. */
    public record Entry(ArchivedFile file, DatabaseSummary summary, ArchiveProblem problem) {
    }

    public Optional<Entry> find(String dbPath) {
        return jdbc.query("SELECT * FROM archived_database WHERE db_path = ?", ArchiveIndexRepository::entry, dbPath)
                .stream().findFirst();
    }

    /** db_path → {size, modified} of every row. */
    public Map<String, long[]> fingerprints() {
        return jdbc.query("SELECT db_path, size_bytes, modified_millis FROM archived_database",
                        (row, i) -> Map.entry(row.getString(1), new long[] {row.getLong(2), row.getLong(3)}))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void saveSummary(ArchivedFile file, DatabaseSummary summary) {
        jdbc.update("""
                INSERT INTO archived_database (db_path, instance, size_bytes, modified_millis, problem, total_orders,
                  total_trades, total_executors, total_positions, total_controllers, trading_pairs, exchanges,
                  indexed_at)
                VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (db_path) DO UPDATE SET instance = excluded.instance, size_bytes = excluded.size_bytes,
                  modified_millis = excluded.modified_millis, problem = NULL, problem_kind = NULL, total_orders = excluded.total_orders,
                  total_trades = excluded.total_trades, total_executors = excluded.total_executors,
                  total_positions = excluded.total_positions, total_controllers = excluded.total_controllers,
                  trading_pairs = excluded.trading_pairs, exchanges = excluded.exchanges, indexed_at = now()""",
                file.dbPath(), file.instance(), file.sizeBytes(), file.modifiedMillis(), summary.totalOrders(),
                summary.totalTrades(), summary.totalExecutors(), summary.totalPositions(), summary.totalControllers(),
                summary.tradingPairs().toArray(String[]::new), summary.exchanges().toArray(String[]::new));
    }

    public void saveProblem(ArchivedFile file, ArchiveProblem problem) {
        jdbc.update("""
                INSERT INTO archived_database (db_path, instance, size_bytes, modified_millis, problem, problem_kind,
                  indexed_at)
                VALUES (?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (db_path) DO UPDATE SET instance = excluded.instance, size_bytes = excluded.size_bytes,
                  modified_millis = excluded.modified_millis, problem = excluded.problem,
                  problem_kind = excluded.problem_kind, total_orders = 0,
                  total_trades = 0, total_executors = 0, total_positions = 0, total_controllers = 0,
                  trading_pairs = '{}', exchanges = '{}', indexed_at = now()""",
                file.dbPath(), file.instance(), file.sizeBytes(), file.modifiedMillis(), problem.getMessage(),
                problem.kind().name());
    }

    /** Removes the rows of files no longer in the folder. */
    public void deleteExcept(List<String> present) {
        jdbc.update("DELETE FROM archived_database WHERE NOT (db_path = ANY (?))", (Object) present.toArray(String[]::new));
    }

    public int deleteInstance(String instance) {
        return jdbc.update("DELETE FROM archived_database WHERE instance = ?", instance);
    }

    private static Entry entry(ResultSet row, int i) throws SQLException {
        ArchivedFile file = new ArchivedFile(row.getString("db_path"), row.getString("instance"),
                row.getLong("size_bytes"), row.getLong("modified_millis"));
        DatabaseSummary summary = new DatabaseSummary(row.getLong("total_orders"), row.getLong("total_trades"),
                row.getLong("total_executors"), row.getLong("total_positions"), row.getLong("total_controllers"),
                strings(row.getArray("trading_pairs")), strings(row.getArray("exchanges")));
        String problem = row.getString("problem");
        return new Entry(file, summary, problem == null ? null
                : new ArchiveProblem(ArchiveProblem.Kind.valueOf(row.getString("problem_kind")), problem));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
