package io.aviary.backtesting.infra;

import io.aviary.backtesting.domain.BacktestSweep;
import io.aviary.backtesting.domain.SweepVariant;
import io.aviary.backtesting.domain.TaskStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Parameter sweeps and their variants in schema {@code backtesting}. */
@Repository
public class SweepRepository {

    private static final String COLUMNS = "id, status, variants, completed_variants, rank_by, descending, "
            + "request::text AS request, created_at, started_at, completed_at, error";
    private static final String VARIANT_COLUMNS = "variant, status, parameters::text AS parameters, "
            + "results::text AS results, executors::text AS executors, score, error";

    private final JdbcTemplate jdbc;

    public SweepRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The sweep and its variants (pending), {@code parameters.get(i)} being variant i's swept values as JSON. */
    @Transactional
    public void insert(String id, int variants, String rankBy, boolean descending, String request,
            List<String> parameters, Instant createdAt) {
        jdbc.update("INSERT INTO backtest_sweep (id, status, variants, rank_by, descending, request, created_at) "
                + "VALUES (?, 'pending', ?, ?, ?, ?::json, ?)", id, variants, rankBy, descending, request,
                Timestamp.from(createdAt));
        List<Object[]> rows = new ArrayList<>(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            rows.add(new Object[] {id, i, parameters.get(i)});
        }
        jdbc.batchUpdate("INSERT INTO backtest_sweep_variant (sweep_id, variant, status, parameters) "
                + "VALUES (?, ?, 'pending', ?::json)", rows);
    }

    public List<BacktestSweep> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM backtest_sweep ORDER BY created_at DESC, id", ROW);
    }

    public Optional<BacktestSweep> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM backtest_sweep WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** pending → running; false when the sweep is no longer pending (cancelled meanwhile). */
    public boolean start(String id, Instant at) {
        return jdbc.update("UPDATE backtest_sweep SET status = 'running', started_at = ? WHERE id = ? "
                + "AND status = 'pending'", Timestamp.from(at), id) == 1;
    }

    /** Records a variant that ran ({@code error} null) or failed, and counts it. */
    @Transactional
    public void variantEnded(String id, int variant, String results, String executors, Double score, String error) {
        jdbc.update("UPDATE backtest_sweep_variant SET status = ?, results = ?::json, executors = ?::json, score = ?, "
                + "error = ? WHERE sweep_id = ? AND variant = ?", error == null ? "completed" : "failed", results,
                executors, score, error, id, variant);
        jdbc.update("UPDATE backtest_sweep SET completed_variants = completed_variants + 1 WHERE id = ?", id);
    }

    /** Ends a pending or running sweep; false when it had already ended (a cancel won the race). */
    public boolean finish(String id, TaskStatus status, Instant at, String error) {
        return jdbc.update("UPDATE backtest_sweep SET status = ?, completed_at = ?, error = ? "
                + "WHERE id = ? AND status IN ('pending', 'running')", status.wireName(), Timestamp.from(at), error,
                id) == 1;
    }

    /** The best {@code top} variants that ran, by score (ties by variant number). */
    public List<SweepVariant> ranking(String id, boolean descending, int top) {
        return jdbc.query("SELECT " + VARIANT_COLUMNS + " FROM backtest_sweep_variant WHERE sweep_id = ? "
                + "AND status = 'completed' ORDER BY score " + (descending ? "DESC" : "ASC")
                + " NULLS LAST, variant LIMIT ?", VARIANT_ROW, id, top);
    }

    public Optional<SweepVariant> variant(String id, int variant) {
        return jdbc.query("SELECT " + VARIANT_COLUMNS + " FROM backtest_sweep_variant WHERE sweep_id = ? "
                + "AND variant = ?", VARIANT_ROW, id, variant).stream().findFirst();
    }

    public boolean delete(String id) {
        return jdbc.update("DELETE FROM backtest_sweep WHERE id = ?", id) == 1;
    }

    /** Marks every pending or running sweep failed with {@code reason} whose lease {@code <leasePrefix><id>} no replica holds (ADR 0030). */
    public int failUnfinishedWithoutLease(String leasePrefix, String reason, Instant at) {
        return jdbc.update("UPDATE backtest_sweep s SET status = 'failed', error = ?, completed_at = ? "
                + "WHERE status IN ('pending', 'running') AND NOT EXISTS (SELECT 1 FROM ownership_lease l "
                + "WHERE l.name = ? || s.id AND l.expires_at > now())", reason, Timestamp.from(at), leasePrefix);
    }

    /** Removes finished sweeps (with their variants) beyond the newest {@code keep}. */
    public void pruneFinished(int keep) {
        jdbc.update("DELETE FROM backtest_sweep WHERE status IN ('completed', 'failed', 'cancelled') AND id NOT IN ("
                + "SELECT id FROM backtest_sweep WHERE status IN ('completed', 'failed', 'cancelled') "
                + "ORDER BY created_at DESC LIMIT ?)", keep);
    }

    private static final RowMapper<BacktestSweep> ROW = (rs, i) -> new BacktestSweep(rs.getString("id"),
            TaskStatus.ofWire(rs.getString("status")), rs.getInt("variants"), rs.getInt("completed_variants"),
            rs.getString("rank_by"), rs.getBoolean("descending"), rs.getString("request"),
            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("completed_at")), rs.getString("error"));

    private static final RowMapper<SweepVariant> VARIANT_ROW = SweepRepository::variantRow;

    private static SweepVariant variantRow(ResultSet rs, int i) throws SQLException {
        double score = rs.getDouble("score");
        return new SweepVariant(rs.getInt("variant"), rs.getString("status"), rs.getString("parameters"),
                rs.getString("results"), rs.getString("executors"), rs.wasNull() ? null : score,
                rs.getString("error"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
