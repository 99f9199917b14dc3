package io.aviary.connectors.model;

import java.time.Instant;
import java.util.List;

/**
 * Changes to a book covering sequences {@code firstSequence..lastSequence}. A consumer applies it
 * when {@code firstSequence} is its last applied sequence + 1, and resyncs from a snapshot on a gap.
 * Levels carry the new absolute amount; zero removes the level.
 */
public record OrderBookDiff(TradingPair tradingPair, long firstSequence, long lastSequence, Instant timestamp,
        List<PriceLevel> bids, List<PriceLevel> asks) {

    public OrderBookDiff {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
