package io.aviary.connectors.model;

import java.time.Instant;
import java.util.List;

/** A full book at {@code sequence}: bids best (highest) first, asks best (lowest) first. */
public record OrderBookSnapshot(TradingPair tradingPair, long sequence, Instant timestamp,
        List<PriceLevel> bids, List<PriceLevel> asks) {

    public OrderBookSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
