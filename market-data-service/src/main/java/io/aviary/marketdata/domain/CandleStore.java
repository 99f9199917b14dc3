package io.aviary.marketdata.domain;

import io.aviary.marketdata.domain.TimeRanges.Range;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Stored closed candles of every series and the time ranges already fetched from the venue. */
public interface CandleStore {

    /** Covered ranges of the series that overlap {@code within}. */
    List<Range> coverage(CandleKey key, Range within);

    /** Stores the candles (keeping rows already there) and marks {@code covered} as fetched. */
    void store(CandleKey key, Collection<CandleBar> candles, Range covered);

    /** Candles with open time in {@code [from, to)}, oldest first. */
    List<CandleBar> read(CandleKey key, long from, long to);

    /** Streams the candles with open time in {@code [from, to)}, oldest first, without holding them all. */
    void forEach(CandleKey key, long from, long to, Consumer<CandleBar> sink);

    boolean any(CandleKey key, long from, long to);
}
