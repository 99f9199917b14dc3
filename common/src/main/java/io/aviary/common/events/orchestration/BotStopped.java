package io.aviary.common.events.orchestration;

import io.aviary.common.events.DomainEvent;
import java.time.Instant;

/**
 * A deployed bot was stopped (its strategy over MQTT and then its runtime), as the first step of stop-and-archive.
 * Published on orchestration's topic, keyed by the bot name.
 *
 * @param botName        the bot (instance) name
 * @param stoppedGraceful whether the bot confirmed the MQTT {@code stop} before its runtime was ended
 * @param stoppedAt      when its runtime had ended
 */
public record BotStopped(String botName, boolean stoppedGraceful, Instant stoppedAt) implements DomainEvent {

    @Override
    public String aggregateKey() {
        return botName;
    }
}
