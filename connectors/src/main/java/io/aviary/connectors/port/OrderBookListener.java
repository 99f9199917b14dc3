package io.aviary.connectors.port;

import io.aviary.connectors.model.OrderBookDiff;
import io.aviary.connectors.model.OrderBookSnapshot;

/** Receives a book stream: a snapshot first (and again after any resync), then diffs in sequence. */
public interface OrderBookListener {

    void onSnapshot(OrderBookSnapshot snapshot);

    void onDiff(OrderBookDiff diff);

    /** The stream broke; the connector reconnects and sends a fresh snapshot. */
    default void onDisconnect(Throwable cause) {
    }
}
