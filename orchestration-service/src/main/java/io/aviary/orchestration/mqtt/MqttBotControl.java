package io.aviary.orchestration.mqtt;

import io.aviary.kit.failure.UseCaseException;
import io.aviary.orchestration.domain.BotControl;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@link BotControl} for the deploy and archive jobs, over {@link BotRpc} and {@link BotRegistry}. */
@Component
public class MqttBotControl implements BotControl {

    private static final Logger log = LoggerFactory.getLogger(MqttBotControl.class);

    private final BotRpc rpc;
    private final BotRegistry registry;

    public MqttBotControl(BotRpc rpc, BotRegistry registry) {
        this.rpc = rpc;
        this.registry = registry;
    }

    @Override
    public boolean stop(String botName, boolean skipOrderCancellation, Duration timeout) {
        try {
            rpc.stop(botName, skipOrderCancellation, false, timeout);
            return true;
        } catch (UseCaseException e) {
            log.info("Bot {} did not stop over MQTT: {}", botName, e.getMessage());
            return false;
        }
    }

    @Override
    public boolean isAlive(String botName) {
        return registry.isLive(botName);
    }
}
