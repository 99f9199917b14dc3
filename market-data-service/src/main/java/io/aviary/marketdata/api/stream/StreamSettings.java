package io.aviary.marketdata.api.stream;

import io.aviary.kit.stream.StreamLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of {@code /ws/market-data} (application.yml maps the environment variables).
 *
 * @param heartbeatInterval seconds between {@code heartbeat} messages ({@code MARKET_DATA_WS_HEARTBEAT_INTERVAL}, 30)
 * @param minUpdateInterval fastest push period a subscription may ask for, seconds
 *                          ({@code MARKET_DATA_WS_MIN_UPDATE_INTERVAL}, 0.25)
 * @param maxUpdateInterval slowest one ({@code MARKET_DATA_WS_MAX_UPDATE_INTERVAL}, 60)
 * @param maxConnections    open connections at once; one more is closed with 1013 ({@code AVIARY_WS_MAX_CONNECTIONS})
 * @param maxSubscriptions  subscriptions per connection
 * @param maxMessageBytes   largest client message answered normally; a larger one gets an error naming the limit
 * @param maxErrors         error replies one connection may cause before it is closed with 1008
 * @param sendTimeout       how long one message may take to leave before the client counts as stalled and is
 *                          closed with 1008 ({@code AVIARY_WS_SEND_TIMEOUT})
 * @param controlQueue      replies, errors and heartbeats waiting for a slow client before it is closed
 */
@ConfigurationProperties("aviary.market-data.ws")
public record StreamSettings(double heartbeatInterval, double minUpdateInterval, double maxUpdateInterval,
        int maxConnections, int maxSubscriptions, int maxMessageBytes, int maxErrors, Duration sendTimeout,
        int controlQueue) {

    /** The kit's limits (validated there). */
    public StreamLimits limits() {
        return new StreamLimits(heartbeatInterval, minUpdateInterval, maxUpdateInterval, 1.0, maxConnections,
                maxSubscriptions, maxMessageBytes, maxErrors, sendTimeout, controlQueue);
    }
}
