package io.aviary.kit.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the kit keeps the event tables: inbox retries, parking, replay and retention.
 *
 * @param retention        published outbox rows and inbox ids older than this are pruned
 *                         ({@code AVIARY_EVENT_RETENTION}); must be at least the retention of every topic the
 *                         service consumes, see {@link EventRetention}
 * @param replayInterval   how often parked events are tried again ({@code AVIARY_EVENT_REPLAY_INTERVAL})
 * @param handlerAttempts  attempts of a handler failing for a non-transient reason before its event is parked
 *                         ({@code AVIARY_EVENT_HANDLER_ATTEMPTS})
 * @param retryMaxBackoff  cap of the exponential back-off between retries of a failing event
 * @param pruneInterval    how often the retention job runs
 * @param pruneBatch       rows deleted per statement, so pruning never holds long locks
 */
@ConfigurationProperties("aviary.event")
public record EventProperties(Duration retention, Duration replayInterval, Integer handlerAttempts,
        Duration retryMaxBackoff, Duration pruneInterval, Integer pruneBatch) {

    public EventProperties {
        retention = positive(retention, Duration.ofDays(7), "retention");
        replayInterval = positive(replayInterval, Duration.ofMinutes(5), "replay-interval");
        handlerAttempts = handlerAttempts == null ? 5 : handlerAttempts;
        if (handlerAttempts < 1) {
            throw new IllegalStateException("aviary.event.handler-attempts must be at least 1");
        }
        retryMaxBackoff = positive(retryMaxBackoff, Duration.ofSeconds(30), "retry-max-backoff");
        if (retryMaxBackoff.compareTo(Duration.ofMinutes(4)) > 0) {
            // the consumer sleeps this long between polls; past max.poll.interval.ms (5 min) it leaves its group
            throw new IllegalStateException("aviary.event.retry-max-backoff must be at most 4 minutes, was " + retryMaxBackoff);
        }
        pruneInterval = positive(pruneInterval, Duration.ofMinutes(10), "prune-interval");
        pruneBatch = pruneBatch == null ? 1000 : pruneBatch;
        if (pruneBatch < 1) {
            throw new IllegalStateException("aviary.event.prune-batch must be at least 1");
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException("aviary.event." + name + " must be positive, was " + value);
        }
        return value;
    }
}
