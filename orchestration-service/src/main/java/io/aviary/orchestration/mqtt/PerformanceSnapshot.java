package io.aviary.orchestration.mqtt;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One stored snapshot of a controller's performance report. */
public record PerformanceSnapshot(long id, Instant timestamp, String botName, String controllerId, String status,
        JsonNode performance, JsonNode customInfo) {
}
