package io.aviary.orchestration.mqtt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What orchestration knows about one bot from its MQTT topics, at one instant.
 *
 * @param status         {@code running} (live and reporting performance), {@code idle} (performance but not live) or
 *                       {@code stopped} (no performance), Hummingbot's {@code get_bot_status} values
 * @param recentlyActive live: it spoke within the liveness window and has not said {@code offline} since
 * @param performance    the latest report per controller id: {@code {"performance": ..., "custom_info": ...}}
 * @param availability   the last {@code status_updates} availability ({@code online}/{@code offline}), {@code null}
 *                       when none was seen
 */
public record BotView(String name, String status, boolean recentlyActive, Map<String, JsonNode> performance,
        List<JsonNode> errorLogs, List<JsonNode> generalLogs, Instant lastSeen, String availability) {

    public static final String RUNNING = "running";
    public static final String IDLE = "idle";
    public static final String STOPPED = "stopped";
}
