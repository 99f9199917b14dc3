package io.aviary.connectors.venues.support;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Pages a candle range through a venue's per-request maximum: windows of at most {@code maxPerRequest}
 * candles from {@code start} onwards until {@code end} or {@code limit} is reached. Each window is asked
 * as {@code [from, to)}; whatever order the venue answers in, the result is oldest first, de-duplicated,
 * and restricted to the window.
 */
public final class CandlePager {

    /** Fetches the candles opening in {@code [from, to)}; {@code count} is the most it may return. */
    @FunctionalInterface
    public interface Page {
        List<Candle> fetch(Instant from, Instant to, int count);
    }

    private CandlePager() {
    }

    public static List<Candle> page(CandleInterval interval, Instant start, Instant end, int limit, int maxPerRequest,
            Page page) {
        if (limit <= 0 || !start.isBefore(end)) {
            return List.of();
        }
        long step = interval.seconds();
        TreeMap<Instant, Candle> out = new TreeMap<>();
        Instant cursor = align(start, step);
        if (cursor.isBefore(start)) {
            cursor = cursor.plusSeconds(step);
        }
        while (cursor.isBefore(end) && out.size() < limit) {
            int want = Math.min(maxPerRequest, limit - out.size());
            Instant windowEnd = cursor.plusSeconds(step * want);
            if (windowEnd.isAfter(end)) {
                windowEnd = end;
            }
            long span = windowEnd.getEpochSecond() - cursor.getEpochSecond();
            int count = (int) Math.max(1, Math.min(want, (span + step - 1) / step));
            for (Candle c : page.fetch(cursor, windowEnd, count)) {
                if (!c.openTime().isBefore(cursor) && c.openTime().isBefore(windowEnd)) {
                    out.put(c.openTime(), c);
                }
            }
            cursor = windowEnd;
        }
        List<Candle> result = new ArrayList<>(out.values());
        result.sort(Comparator.comparing(Candle::openTime));
        return result.size() > limit ? result.subList(0, limit) : result;
    }

    /** Floors {@code t} to a multiple of {@code stepSeconds} since the epoch (monthly candles excepted). */
    static Instant align(Instant t, long stepSeconds) {
        if (stepSeconds >= CandleInterval.W1.seconds()) {
            return t; // weeks and months do not align to the epoch; ask from the given instant
        }
        long s = t.getEpochSecond();
        long floored = s - Math.floorMod(s, stepSeconds);
        return floored == s && t.getNano() == 0 ? t : Instant.ofEpochSecond(floored);
    }
}
