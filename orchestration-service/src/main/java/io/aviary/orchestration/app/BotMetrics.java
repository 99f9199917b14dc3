package io.aviary.orchestration.app;

import io.aviary.orchestration.mqtt.BotRegistry;
import io.aviary.orchestration.mqtt.BotView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code aviary_bots{status}}: bots heard on MQTT by the status the registry gives them (running, idle, stopped).
 * Read from the in-memory registry only: a scrape never asks the bot runtime (Docker, Kubernetes), which can be
 * slow or away, so bots that run but never spoke are not counted here.
 */
@Component
public class BotMetrics implements MeterBinder {

    static final List<String> STATUSES = List.of(BotView.RUNNING, BotView.IDLE, BotView.STOPPED);

    private final BotRegistry bots;

    public BotMetrics(BotRegistry bots) {
        this.bots = bots;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : STATUSES) {
            Gauge.builder("aviary.bots", bots, b -> b.bots().stream().filter(bot -> bot.status().equals(status)).count())
                    .description("bots heard on MQTT, by status")
                    .tag("status", status)
                    .register(registry);
        }
    }
}
