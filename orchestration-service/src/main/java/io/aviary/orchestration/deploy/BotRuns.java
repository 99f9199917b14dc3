package io.aviary.orchestration.deploy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code bot_runs} table: one row per deploy, updated as the bot is started, stopped and archived. */
@Repository
public class BotRuns {

    private static final String COLUMNS = "id, bot_name, instance_name, deployed_at, stopped_at, strategy_type, "
            + "strategy_name, config_name, account_name, image_version, deployment_status, run_status, "
            + "deployment_config, final_status, error_message";
    private static final RowMapper<BotRun> ROW = BotRuns::row;

    private final JdbcTemplate jdbc;

    public BotRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new run records; the rest starts as DEPLOYED / CREATED. */
    public record NewRun(String botName, String instanceName, String strategyType, String strategyName,
            String configName, String accountName, String runtime, String deploymentConfig) {
    }

    /**
     * @return the new row's id
     * @throws DuplicateKeyException when the instance name is deployed already (or the bot name exists)
     */
    public long insert(NewRun run, Instant deployedAt) {
        return jdbc.queryForObject("INSERT INTO bot_runs (bot_name, instance_name, deployed_at, strategy_type, "
                        + "strategy_name, config_name, account_name, image_version, deployment_config) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", Long.class, run.botName(), run.instanceName(),
                Timestamp.from(deployedAt), run.strategyType(), run.strategyName(), run.configName(), run.accountName(),
                run.runtime(), run.deploymentConfig());
    }

    /** The deployed bot of this instance name (not yet archived or failed), if any. */
    public Optional<BotRun> deployedInstance(String instanceName) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bot_runs WHERE instance_name = ? AND deployment_status = ?",
                ROW, instanceName, BotRun.DEPLOYED).stream().findFirst();
    }

    /** The deployed (not archived, not failed) run of this bot name, if any. */
    public Optional<BotRun> deployedBot(String botName) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bot_runs WHERE bot_name = ? AND deployment_status = ?",
                ROW, botName, BotRun.DEPLOYED).stream().findFirst();
    }

    public List<String> deployedBotNames() {
        return jdbc.queryForList("SELECT bot_name FROM bot_runs WHERE deployment_status = ? ORDER BY bot_name",
                String.class, BotRun.DEPLOYED);
    }

    public Optional<BotRun> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM bot_runs WHERE id = ?", ROW, id).stream().findFirst();
    }

    public void markRunning(String botName) {
        jdbc.update("UPDATE bot_runs SET run_status = ? WHERE bot_name = ?", BotRun.RUNNING, botName);
    }

    public void markFailed(String botName, String errorMessage) {
        jdbc.update("UPDATE bot_runs SET deployment_status = ?, run_status = ?, error_message = ? WHERE bot_name = ?",
                BotRun.FAILED, BotRun.ERROR, errorMessage, botName);
    }

    public void markStopped(String botName, Instant stoppedAt) {
        jdbc.update("UPDATE bot_runs SET run_status = ?, stopped_at = COALESCE(stopped_at, ?) WHERE bot_name = ?",
                BotRun.STOPPED, Timestamp.from(stoppedAt), botName);
    }

    public void markArchived(String botName, String finalStatus) {
        jdbc.update("UPDATE bot_runs SET deployment_status = ?, final_status = ? WHERE bot_name = ?",
                BotRun.ARCHIVED, finalStatus, botName);
    }

    public void recordError(String botName, String errorMessage) {
        jdbc.update("UPDATE bot_runs SET error_message = ? WHERE bot_name = ?", errorMessage, botName);
    }

    /** The filters of {@code GET /bot-orchestration/bot-runs}; null fields do not filter. */
    public record Filter(String botName, String accountName, String strategyType, String strategyName,
            String runStatus, String deploymentStatus) {
    }

    /** Newest first. */
    public List<BotRun> list(Filter filter, int limit, int offset) {
        Where where = where(filter);
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT " + COLUMNS + " FROM bot_runs" + where.sql() + " ORDER BY deployed_at DESC, id DESC "
                + "LIMIT ? OFFSET ?", ROW, args.toArray());
    }

    public long count(Filter filter) {
        Where where = where(filter);
        return jdbc.queryForObject("SELECT count(*) FROM bot_runs" + where.sql(), Long.class, where.args().toArray());
    }

    /** Counts by deployment status and by run status. */
    public Map<String, Map<String, Long>> countsByStatus() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put("by_deployment_status", grouped("deployment_status"));
        counts.put("by_run_status", grouped("run_status"));
        return counts;
    }

    private Map<String, Long> grouped(String column) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT " + column + ", count(*) FROM bot_runs GROUP BY " + column + " ORDER BY " + column,
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(Filter filter) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        condition(sql, args, "bot_name", filter.botName());
        condition(sql, args, "account_name", filter.accountName());
        condition(sql, args, "strategy_type", filter.strategyType());
        condition(sql, args, "strategy_name", filter.strategyName());
        condition(sql, args, "run_status", filter.runStatus());
        condition(sql, args, "deployment_status", filter.deploymentStatus());
        return new Where(sql.toString(), args);
    }

    private static void condition(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(args.isEmpty() ? " WHERE " : " AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static BotRun row(ResultSet rs, int row) throws SQLException {
        return new BotRun(rs.getLong("id"), rs.getString("bot_name"), rs.getString("instance_name"),
                instant(rs, "deployed_at"), instant(rs, "stopped_at"), rs.getString("strategy_type"),
                rs.getString("strategy_name"), rs.getString("config_name"), rs.getString("account_name"),
                rs.getString("image_version"), rs.getString("deployment_status"), rs.getString("run_status"),
                rs.getString("deployment_config"), rs.getString("final_status"), rs.getString("error_message"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
