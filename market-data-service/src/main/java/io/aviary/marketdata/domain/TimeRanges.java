package io.aviary.marketdata.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Half-open ranges {@code [start, end)} of epoch seconds: which parts of a candle series are
 * already stored (so nothing is fetched from the venue twice) and which are still missing.
 */
public final class TimeRanges {

    private TimeRanges() {
    }

    public record Range(long start, long end) {
        public Range {
            if (end < start) {
                throw new IllegalArgumentException("range end " + end + " before start " + start);
            }
        }

        public boolean isEmpty() {
            return end == start;
        }
    }

    /** The union of {@code ranges}, sorted, with touching or overlapping ranges merged. */
    public static List<Range> union(List<Range> ranges) {
        List<Range> sorted = ranges.stream().filter(r -> !r.isEmpty())
                .sorted(Comparator.comparingLong(Range::start)).toList();
        List<Range> out = new ArrayList<>();
        for (Range r : sorted) {
            Range last = out.isEmpty() ? null : out.getLast();
            if (last != null && r.start() <= last.end()) {
                out.set(out.size() - 1, new Range(last.start(), Math.max(last.end(), r.end())));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** The parts of {@code wanted} that none of {@code covered} contains, in order. */
    public static List<Range> missing(Range wanted, List<Range> covered) {
        List<Range> out = new ArrayList<>();
        long cursor = wanted.start();
        for (Range c : union(covered)) {
            if (c.end() <= cursor) {
                continue;
            }
            if (c.start() >= wanted.end()) {
                break;
            }
            if (c.start() > cursor) {
                out.add(new Range(cursor, c.start()));
            }
            cursor = Math.max(cursor, c.end());
        }
        if (cursor < wanted.end()) {
            out.add(new Range(cursor, wanted.end()));
        }
        return out;
    }
}
