package io.aviary.kit.events;

import java.time.Duration;
import java.util.Map;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The inbox container's error handler: a record whose handling throws is sought back and delivered again, after
 * an exponential back-off from 500 ms capped at {@code maxBackoff}, with no limit on time or attempts. It never
 * skips a record; {@link EventInbox} decides when a failing event is parked instead of thrown, which is the only
 * way a partition moves past an event that was not applied. The cap stays far below the consumer's
 * {@code max.poll.interval.ms}, so a long outage keeps the partition assigned rather than rebalancing it.
 */
public final class InboxRetries {

    private InboxRetries() {
    }

    public static DefaultErrorHandler errorHandler(Duration maxBackoff) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(maxBackoff.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            // Unreachable with an endless back-off; if it ever runs, refuse to skip: the record is retried.
            throw new IllegalStateException("an inbox record is never skipped", e);
        }, backOff);
        // No exception type goes straight to the recoverer (the default list would skip, for example, a
        // ClassCastException thrown by a handler): the inbox has already classified what it throws.
        handler.setClassifications(Map.of(), true);
        // EventInbox logs each failure in one line; the container would add a stack trace per retry.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }
}
