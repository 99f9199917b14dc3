package io.aviary.orchestration.mqtt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code controller_performance_snapshots} (V2). */
@Repository
public class ControllerPerformanceRepository {

    private static final String COLUMNS = "id, taken_at, bot_name, controller_id, status, performance::text AS performance, "
            + "custom_info::text AS custom_info";

    private final JdbcTemplate jdbc;

    public ControllerPerformanceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String bot, String controllerId, String status, String performanceJson, String customInfoJson,
            Instant at) {
        jdbc.update("INSERT INTO controller_performance_snapshots (taken_at, bot_name, controller_id, status, "
                + "performance, custom_info) VALUES (?, ?, ?, ?, ?::json, ?::json)", Timestamp.from(at), bot,
                controllerId, status, performanceJson, customInfoJson);
    }

    /** The newest snapshot per bot and controller, optionally of one bot. */
    List<PerformanceSnapshot> latest(String bot) {
        return jdbc.query("SELECT DISTINCT ON (bot_name, controller_id) " + COLUMNS
                + " FROM controller_performance_snapshots WHERE (?::text IS NULL OR bot_name = ?) "
                + "ORDER BY bot_name, controller_id, taken_at DESC, id DESC", this::row, bot, bot);
    }

    /**
     * The newest snapshot per bot, controller and interval bucket, newest first; {@code beforeId} continues a previous
     * page (applied after the sampling, so a bucket is never split across pages).
     */
    List<PerformanceSnapshot> history(String bot, String controllerId, Instant from, Instant to, long bucketSeconds,
            Long beforeId, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("TRUE");
        if (bot != null) {
            where.append(" AND bot_name = ?");
            args.add(bot);
        }
        if (controllerId != null) {
            where.append(" AND controller_id = ?");
            args.add(controllerId);
        }
        if (from != null) {
            where.append(" AND taken_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND taken_at <= ?");
            args.add(Timestamp.from(to));
        }
        args.add(beforeId == null ? Long.MAX_VALUE : beforeId);
        args.add(limit);
        return jdbc.query("SELECT * FROM (SELECT DISTINCT ON (bot_name, controller_id, "
                + "floor(extract(epoch FROM taken_at) / " + bucketSeconds + ")) " + COLUMNS + " FROM controller_performance_snapshots WHERE "
                + where + " ORDER BY bot_name, controller_id, floor(extract(epoch FROM taken_at) / "
                + bucketSeconds + "), taken_at DESC, id DESC) sampled WHERE id < ? ORDER BY id DESC LIMIT ?",
                this::row, args.toArray());
    }

    private PerformanceSnapshot row(ResultSet rs, int n) throws SQLException {
        return new PerformanceSnapshot(rs.getLong("id"), rs.getTimestamp("taken_at").toInstant(),
                rs.getString("bot_name"), rs.getString("controller_id"), rs.getString("status"),
                WireJson.read(rs.getString("performance")), WireJson.read(rs.getString("custom_info")));
    }
}
