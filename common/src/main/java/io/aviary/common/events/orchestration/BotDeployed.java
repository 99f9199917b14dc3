package io.aviary.common.events.orchestration;

import io.aviary.common.events.DomainEvent;
import java.time.Instant;

/**
 * orchestration-service built a bot's instance folder and started it in a runtime (deploy-v2-controllers /
 * deploy-v2-script). Published on orchestration's topic, keyed by the bot name.
 *
 * @param botName      the bot (instance) name, {@code <instance_name>-<YYYYmmdd-HHMMSS>}: its MQTT id
 * @param accountName  the account whose credentials the bot trades with
 * @param strategyType {@code controller} or {@code script}
 * @param strategyName the script it runs, e.g. {@code v2_with_controllers}
 * @param configName   its script config file name ({@code <botName>.yml}); {@code null} for a script without one
 * @param runtime      where it runs: {@code process}, {@code docker} or {@code kubernetes}
 * @param deployedAt   when it was started
 */
public record BotDeployed(String botName, String accountName, String strategyType, String strategyName,
        String configName, String runtime, Instant deployedAt) implements DomainEvent {

    @Override
    public String aggregateKey() {
        return botName;
    }
}
