package io.aviary.orchestration.deploy;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Each bot's latest stop-and-archive job as every replica sees it ({@code stop_archive_job}, ADR 0030). */
@Repository
public class StopArchiveJobRows {

    /** Where a bot's latest job is, by whom. */
    public record Row(String botName, String jobId, String replica, String state, String step) {
    }

    private final JdbcTemplate jdbc;

    public StopArchiveJobRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The bot's latest job; called only while holding the bot's job lease, so it replaces any earlier one. */
    void begin(String botName, String jobId, String replica, String step) {
        jdbc.update("INSERT INTO stop_archive_job (bot_name, job_id, replica, state, step) VALUES (?, ?, ?, 'RUNNING', ?) "
                + "ON CONFLICT (bot_name) DO UPDATE SET job_id = EXCLUDED.job_id, replica = EXCLUDED.replica, "
                + "state = 'RUNNING', step = EXCLUDED.step, updated_at = now()", botName, jobId, replica, step);
    }

    void at(String jobId, String state, String step) {
        jdbc.update("UPDATE stop_archive_job SET state = ?, step = ?, updated_at = now() WHERE job_id = ?", state, step,
                jobId);
    }

    Optional<Row> ofBot(String botName) {
        return one("bot_name", botName);
    }

    Optional<Row> ofJob(String jobId) {
        return one("job_id", jobId);
    }

    private Optional<Row> one(String column, String value) {
        return jdbc.query("SELECT bot_name, job_id, replica, state, step FROM stop_archive_job WHERE " + column + " = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                value).stream().findFirst();
    }
}
