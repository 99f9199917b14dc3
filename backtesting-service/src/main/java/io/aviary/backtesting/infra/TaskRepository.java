package io.aviary.backtesting.infra;

import io.aviary.backtesting.domain.BacktestTask;
import io.aviary.backtesting.domain.TaskStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Backtest tasks in schema {@code backtesting}. */
@Repository
public class TaskRepository {

    private static final String COLUMNS = "id, status, progress, request::text AS request, created_at, started_at, "
            + "completed_at, error";

    private final JdbcTemplate jdbc;

    public TaskRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String request, Instant createdAt) {
        jdbc.update("INSERT INTO backtest_task (id, status, request, created_at) VALUES (?, 'pending', ?::json, ?)",
                id, request, Timestamp.from(createdAt));
    }

    /** How many tasks are in {@code status} (the table keeps the last few hundred finished ones). */
    public long count(TaskStatus status) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM backtest_task WHERE status = ?", Long.class,
                status.wireName());
        return count == null ? 0 : count;
    }

    /** Without results, newest first. */
    public List<BacktestTask> all() {
        return jdbc.query("SELECT " + COLUMNS + ", NULL AS result FROM backtest_task ORDER BY created_at DESC, id",
                ROW);
    }

    public Optional<BacktestTask> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + ", result::text AS result FROM backtest_task WHERE id = ?", ROW, id)
                .stream().findFirst();
    }

    /** pending → running; false when the task is no longer pending (cancelled meanwhile). */
    public boolean start(String id, Instant at) {
        return jdbc.update("UPDATE backtest_task SET status = 'running', started_at = ? WHERE id = ? "
                + "AND status = 'pending'", Timestamp.from(at), id) == 1;
    }

    /** @return false when the task is no longer running (cancelled or failed meanwhile, perhaps by another replica) */
    public boolean progress(String id, int percent) {
        return jdbc.update("UPDATE backtest_task SET progress = ? WHERE id = ? AND status = 'running'", percent, id) == 1;
    }

    /** Ends a pending or running task; false when it had already ended (a cancel won the race). */
    public boolean finish(String id, TaskStatus status, Instant at, String error, String result) {
        return jdbc.update("UPDATE backtest_task SET status = ?, completed_at = ?, error = ?, result = ?::json, "
                        + "progress = CASE WHEN ? THEN 100 ELSE progress END "
                        + "WHERE id = ? AND status IN ('pending', 'running')",
                status.wireName(), Timestamp.from(at), error, result, status == TaskStatus.COMPLETED, id) == 1;
    }

    public boolean delete(String id) {
        return jdbc.update("DELETE FROM backtest_task WHERE id = ?", id) == 1;
    }

    /**
     * Marks every pending or running task failed with {@code reason} whose lease {@code <leasePrefix><id>} no replica
     * holds any more (ADR 0030: the lease table is in the same schema); returns how many.
     */
    public int failUnfinishedWithoutLease(String leasePrefix, String reason, Instant at) {
        return jdbc.update("UPDATE backtest_task t SET status = 'failed', error = ?, completed_at = ? "
                + "WHERE status IN ('pending', 'running') AND NOT EXISTS (SELECT 1 FROM ownership_lease l "
                + "WHERE l.name = ? || t.id AND l.expires_at > now())", reason, Timestamp.from(at), leasePrefix);
    }

    /** Removes finished tasks beyond the newest {@code keep}. */
    public void pruneFinished(int keep) {
        jdbc.update("DELETE FROM backtest_task WHERE status IN ('completed', 'failed', 'cancelled') AND id NOT IN ("
                + "SELECT id FROM backtest_task WHERE status IN ('completed', 'failed', 'cancelled') "
                + "ORDER BY created_at DESC LIMIT ?)", keep);
    }

    private static final RowMapper<BacktestTask> ROW = TaskRepository::row;

    private static BacktestTask row(ResultSet rs, int i) throws SQLException {
        return new BacktestTask(rs.getString("id"), TaskStatus.ofWire(rs.getString("status")), rs.getInt("progress"),
                rs.getString("request"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("completed_at")), rs.getString("error"), rs.getString("result"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
