package io.aviary.orchestration.deploy;

import java.time.Instant;

/**
 * One deploy of a bot (a {@code bot_runs} row).
 *
 * @param botName          the unique bot name ({@code <instance_name>-<YYYYmmdd-HHMMSS>}), its folder and MQTT id
 * @param instanceName     the name the client asked for
 * @param imageVersion     the runtime that runs it ({@code process}, {@code docker}, {@code kubernetes})
 * @param deploymentConfig the deploy request as JSON (no secret is part of it)
 */
public record BotRun(long id, String botName, String instanceName, Instant deployedAt, Instant stoppedAt,
        String strategyType, String strategyName, String configName, String accountName, String imageVersion,
        String deploymentStatus, String runStatus, String deploymentConfig, String finalStatus, String errorMessage) {

    public static final String DEPLOYED = "DEPLOYED";
    public static final String FAILED = "FAILED";
    public static final String ARCHIVED = "ARCHIVED";
    public static final String CREATED = "CREATED";
    public static final String RUNNING = "RUNNING";
    public static final String STOPPED = "STOPPED";
    public static final String ERROR = "ERROR";
}
