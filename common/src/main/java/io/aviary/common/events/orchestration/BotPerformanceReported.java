package io.aviary.common.events.orchestration;

import io.aviary.common.events.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest performance one controller of a running bot reported on MQTT ({@code hbot/<bot>/performance},
 * hummingbot-internals §1.5), as orchestration-service snapshots it every {@code BROKER_PERFORMANCE_DUMP_INTERVAL}.
 * Published on orchestration's topic, keyed by the bot name. Percentages are in percent (×100), like Hummingbot's.
 *
 * @param botName          the bot (instance) name
 * @param controllerId     the controller's id inside the bot
 * @param status           {@code running} (the bot was live when the snapshot was taken) or {@code idle}
 * @param realizedPnlQuote {@code null} before the controller's first report, like every metric here
 * @param reportedAt       when the snapshot was taken
 */
public record BotPerformanceReported(String botName, String controllerId, String status, BigDecimal realizedPnlQuote,
        BigDecimal unrealizedPnlQuote, BigDecimal globalPnlQuote, BigDecimal globalPnlPct, BigDecimal volumeTraded,
        Instant reportedAt) implements DomainEvent {

    @Override
    public String aggregateKey() {
        return botName;
    }
}
