package io.aviary.kit.stream;

import java.util.Map;
import java.util.Optional;

/**
 * One subscription of a WebSocket stream connection, as a service provides it. {@link #poll()} answers what changed
 * since the last poll, without blocking: the connection polls only when the previous update has left, so a slow
 * client gets the latest state (coalescing) instead of a backlog.
 */
public interface LiveStream extends AutoCloseable {

    /** The subscription id the client sees and unsubscribes with (hummingbot-api's, e.g. {@code order_book_sim_BTC-USDT}). */
    String id();

    /** The next update's body ({@code type} and {@code data}; the connection adds {@code subscription_id} and {@code timestamp}). */
    Optional<Map<String, Object>> poll();

    /** Releases what the stream holds (feeds, venue streams, listeners); harmless twice. */
    @Override
    void close();
}
