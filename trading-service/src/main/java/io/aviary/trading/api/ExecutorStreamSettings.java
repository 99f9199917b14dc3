package io.aviary.trading.api;

import io.aviary.kit.stream.StreamLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Limits of {@code /ws/executors} (application.yml; the kit's {@link StreamLimits} explains each). */
@ConfigurationProperties("aviary.trading.ws")
public record ExecutorStreamSettings(double heartbeatInterval, double minUpdateInterval, double maxUpdateInterval,
        int maxConnections, int maxSubscriptions, int maxMessageBytes, int maxErrors, Duration sendTimeout,
        int controlQueue) {

    /** hummingbot-api's executor streams push every 2 s unless asked otherwise. */
    static final double DEFAULT_UPDATE_INTERVAL = 2.0;

    public StreamLimits limits() {
        return new StreamLimits(heartbeatInterval, minUpdateInterval, maxUpdateInterval, DEFAULT_UPDATE_INTERVAL,
                maxConnections, maxSubscriptions, maxMessageBytes, maxErrors, sendTimeout, controlQueue);
    }
}
