package io.aviary.kit.stream;

import java.time.Duration;

/**
 * Limits of one {@link StreamSocket}; each service binds its own from its configuration.
 *
 * @param heartbeatInterval seconds between {@code heartbeat} messages (hummingbot-api: 30)
 * @param minUpdateInterval fastest push period a subscription may ask for, seconds (0.25)
 * @param maxUpdateInterval slowest one (60)
 * @param defaultUpdateInterval the period when a subscription names none (market data 1, executors 2)
 * @param maxConnections    open connections at once; one more is closed with 1013
 * @param maxSubscriptions  subscriptions per connection
 * @param maxMessageBytes   largest client message answered normally; a larger one gets an error naming the limit
 * @param maxErrors         error replies one connection may cause before it is closed with 1008
 * @param sendTimeout       how long one message may take to leave before the client counts as stalled (1008)
 * @param controlQueue      replies, errors and heartbeats waiting for a slow client before it is closed
 */
public record StreamLimits(double heartbeatInterval, double minUpdateInterval, double maxUpdateInterval,
        double defaultUpdateInterval, int maxConnections, int maxSubscriptions, int maxMessageBytes, int maxErrors, Duration sendTimeout,
        int controlQueue) {

    public StreamLimits {
        if (minUpdateInterval <= 0 || maxUpdateInterval < minUpdateInterval || heartbeatInterval <= 0) {
            throw new IllegalStateException("stream limits: need 0 < min-update-interval <= max-update-interval"
                    + " and a positive heartbeat-interval");
        }
        if (maxConnections < 1 || maxSubscriptions < 1 || maxMessageBytes < 256 || maxErrors < 1 || controlQueue < 4
                || sendTimeout == null || sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalStateException("stream limits: max-connections, max-subscriptions, max-errors must be"
                    + " positive, max-message-bytes at least 256, control-queue at least 4, send-timeout positive");
        }
    }

    /** The push period asked for, clamped to the allowed range as hummingbot-api does. */
    public Duration updateInterval(double seconds) {
        double clamped = Math.max(minUpdateInterval, Math.min(maxUpdateInterval, seconds));
        return Duration.ofNanos((long) (clamped * 1e9));
    }

    public Duration heartbeat() {
        return Duration.ofNanos((long) (heartbeatInterval * 1e9));
    }
}
