package io.aviary.simexchange.domain.event;

import java.util.List;

/**
 * The book changes of one venue command, covering book sequences {@code firstSequence..lastSequence}.
 * Levels carry their new absolute amount, best first.
 */
public record BookDiff(String symbol, long firstSequence, long lastSequence, long timestamp, List<BookLevel> bids,
        List<BookLevel> asks) {

    public BookDiff {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
