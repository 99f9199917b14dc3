package io.aviary.marketdata.domain;

import io.aviary.marketdata.domain.TimeRanges.Range;
import java.util.Collection;
import java.util.List;

/** Stored funding events of every perpetual pair and the time ranges already fetched from the venue. */
public interface FundingStore {

    /** Covered ranges of the series that overlap {@code within}. */
    List<Range> coverage(FundingKey key, Range within);

    /** Stores the events (keeping rows already there) and marks {@code covered} as fetched. */
    void store(FundingKey key, Collection<FundingPoint> points, Range covered);

    /** Events with time in {@code [from, to)}, oldest first. */
    List<FundingPoint> read(FundingKey key, long from, long to);
}
