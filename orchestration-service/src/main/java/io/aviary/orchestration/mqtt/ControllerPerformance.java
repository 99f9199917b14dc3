package io.aviary.orchestration.mqtt;

import io.aviary.common.events.orchestration.BotPerformanceReported;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.failure.InvalidRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Controller performance over time (HEAD's {@code controller-performance-*}): snapshots of what {@link BotRegistry}
 * holds, each with a {@link BotPerformanceReported} event in the same transaction, and reads of them.
 */
@Component
public class ControllerPerformance {

    /** HEAD's sampling intervals. */
    public static final Map<String, Long> INTERVALS = Map.of("5m", 300L, "15m", 900L, "30m", 1800L, "1h", 3600L,
            "4h", 14_400L, "12h", 43_200L, "1d", 86_400L);

    private final BotRegistry registry;
    private final ControllerPerformanceRepository snapshots;
    private final EventOutbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock = Clock.systemUTC();

    public ControllerPerformance(BotRegistry registry, ControllerPerformanceRepository snapshots, EventOutbox outbox,
            TransactionTemplate tx) {
        this.registry = registry;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** Stores the current report of every controller of every known bot; how many were stored. */
    public int snapshot() {
        Instant now = clock.instant();
        List<BotView> bots = registry.bots();
        return tx.execute(status -> {
            int n = 0;
            for (BotView bot : bots) {
                for (Map.Entry<String, JsonNode> c : bot.performance().entrySet()) {
                    store(bot, c.getKey(), c.getValue(), now);
                    n++;
                }
            }
            return n;
        });
    }

    private void store(BotView bot, String controllerId, JsonNode report, Instant now) {
        JsonNode performance = report.path("performance").isObject() ? report.path("performance") : report;
        JsonNode customInfo = report.path("custom_info").isObject() ? report.path("custom_info") : null;
        String status = bot.recentlyActive() ? BotView.RUNNING : BotView.IDLE;
        snapshots.insert(bot.name(), controllerId, status, WireJson.text(performance),
                customInfo == null ? "{}" : WireJson.text(customInfo), now);
        outbox.append(new BotPerformanceReported(bot.name(), controllerId, status,
                decimal(performance, "realized_pnl_quote"), decimal(performance, "unrealized_pnl_quote"),
                decimal(performance, "global_pnl_quote"), decimal(performance, "global_pnl_pct"),
                decimal(performance, "volume_traded"), now));
    }

    /** A finite number of the report, {@code null} when absent or NaN. */
    private static BigDecimal decimal(JsonNode performance, String field) {
        JsonNode v = performance.path(field);
        if (v.isNumber() && Double.isFinite(v.asDouble())) {
            return v.decimalValue();
        }
        try {
            return v.isString() ? new BigDecimal(v.asString().strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public List<PerformanceSnapshot> latest(String bot) {
        return snapshots.latest(bot);
    }

    /** One page of history; {@code limit + 1} rows are read so the caller can tell whether there is more. */
    public List<PerformanceSnapshot> history(String bot, String controllerId, String startTime, String endTime,
            String interval, String cursor, int limit) {
        Long bucket = INTERVALS.get(interval);
        if (bucket == null) {
            throw new InvalidRequest("interval must be one of 5m, 15m, 30m, 1h, 4h, 12h, 1d");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequest("limit must be between 1 and 1000");
        }
        return snapshots.history(bot, controllerId, time("start_time", startTime), time("end_time", endTime), bucket,
                cursor(cursor), limit + 1);
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(value.strip()).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new InvalidRequest("Invalid " + name + " format: use ISO 8601, e.g. 2026-01-01T00:00:00Z");
            }
        }
    }

    private static Long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequest("Invalid cursor: use the next_cursor of the previous page");
        }
    }
}
