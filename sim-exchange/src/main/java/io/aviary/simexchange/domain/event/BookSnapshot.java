package io.aviary.simexchange.domain.event;

import java.util.List;

/** A book at {@code sequence}: bids highest first, asks lowest first. */
public record BookSnapshot(String symbol, long sequence, long timestamp, List<BookLevel> bids, List<BookLevel> asks) {

    public BookSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
