package io.aviary.trading.infra;

import static io.aviary.trading.infra.Sql.instant;
import static io.aviary.trading.infra.Sql.ts;

import io.aviary.trading.domain.ExecutorLogEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Executors' captured log entries ({@code executor_logs}), the last few hundred per executor. */
@Repository
public class ExecutorLogRepository {

    private final JdbcTemplate jdbc;

    public ExecutorLogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the entries in their order (one batch statement): their {@code seq} grows in that order. */
    public void append(List<ExecutorLogEntry> entries) {
        jdbc.batchUpdate("INSERT INTO executor_logs (executor_id, logged_at, level, message) VALUES (?, ?, ?, ?)",
                entries, 500, (ps, e) -> {
                    ps.setString(1, e.executorId());
                    ps.setTimestamp(2, ts(e.timestamp()));
                    ps.setString(3, e.level());
                    ps.setString(4, e.message());
                });
    }

    /** Deletes all but the newest {@code kept} entries of each of the executors (one statement). */
    public int trim(Collection<String> executorIds, int kept) {
        if (executorIds.isEmpty()) {
            return 0;
        }
        return jdbc.update("""
                DELETE FROM executor_logs WHERE seq IN (
                    SELECT seq FROM (SELECT seq, row_number() OVER (PARTITION BY executor_id ORDER BY seq DESC) AS n
                                     FROM executor_logs WHERE executor_id = ANY (?)) ranked
                    WHERE n > ?)""", executorIds.toArray(String[]::new), kept);
    }

    /** The stored entries of an executor after {@code afterSeq}, oldest first, only {@code level} when given. */
    public List<ExecutorLogEntry> entries(String executorId, String level, long afterSeq) {
        StringBuilder sql = new StringBuilder("SELECT seq, executor_id, logged_at, level, message FROM executor_logs "
                + "WHERE executor_id = ? AND seq > ?");
        List<Object> args = new ArrayList<>(List.of(executorId, afterSeq));
        if (level != null) {
            sql.append(" AND level = upper(?)");
            args.add(level);
        }
        sql.append(" ORDER BY seq");
        return jdbc.query(sql.toString(), (rs, n) -> new ExecutorLogEntry(rs.getString("executor_id"),
                rs.getLong("seq"), instant(rs, "logged_at"), rs.getString("level"), rs.getString("message")),
                args.toArray());
    }
}
