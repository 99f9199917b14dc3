package io.aviary.connectors.venues.support;

import io.aviary.connectors.model.Fill;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads a venue's fill history to its end: page after page until the venue answers a short page
 * (fewer rows than asked) or has no next cursor. A caller that stops after one full page would
 * skip everything beyond it, and its watermark would move past fills it never saw.
 *
 * <p>The result is de-duplicated (by trade id and order: both sides of a self-trade are the same
 * trade) and oldest first. A full page that brings no new fill ends the reading, so a venue that
 * ignores the cursor cannot loop it forever.
 */
public final class FillPager {

    /**
     * One answer of the venue. {@code rows} counts what the venue returned, before any filtering
     * (a page of other pairs' fills is still a full page); {@code next} is where the following page
     * starts, empty when the venue says there is none.
     */
    public record Page<C>(List<Fill> fills, int rows, Optional<C> next) {

        public static <C> Page<C> of(List<Fill> fills, int rows, C next) {
            return new Page<>(fills, rows, Optional.ofNullable(next));
        }

        /** A page of a venue that pages with an opaque text cursor, where an empty cursor means "no more". */
        public static Page<String> ofCursor(List<Fill> fills, int rows, String next) {
            return of(fills, rows, next == null || next.isEmpty() ? null : next);
        }
    }

    private FillPager() {
    }

    /**
     * @param first    the cursor of the first page
     * @param pageSize how many rows a page is asked for (a page with fewer is the last)
     */
    public static <C> List<Fill> readAll(C first, int pageSize, Function<C, Page<C>> fetch) {
        Map<String, Fill> out = new LinkedHashMap<>();
        C cursor = first;
        while (true) {
            Page<C> page = fetch.apply(cursor);
            int added = 0;
            for (Fill fill : page.fills()) {
                if (out.putIfAbsent(key(fill), fill) == null) {
                    added++;
                }
            }
            if (page.rows() < pageSize || page.next().isEmpty() || (added == 0 && page.rows() > 0)
                    || page.next().get().equals(cursor)) {
                return sorted(out.values());
            }
            cursor = page.next().get();
        }
    }

    /**
     * For venues that answer at most a {@code window} of history per query: reads each window from
     * {@code since} to {@code now} to its end with {@code readWindow} (given the window's start and end).
     */
    public static List<Fill> readWindows(Instant since, Instant now, Duration window,
            BiFunction<Instant, Instant, List<Fill>> readWindow) {
        Map<String, Fill> out = new LinkedHashMap<>();
        for (Instant from = since; from.isBefore(now); from = from.plus(window)) {
            Instant to = from.plus(window).isBefore(now) ? from.plus(window) : now;
            for (Fill fill : readWindow.apply(from, to)) {
                out.putIfAbsent(key(fill), fill);
            }
        }
        return sorted(out.values());
    }

    /** The query of one cursor page: the first page (empty cursor) is asked without the cursor parameter. */
    public static Query atCursor(Query query, String parameter, String cursor) {
        return cursor.isEmpty() ? query : query.add(parameter, cursor);
    }

    private static String key(Fill fill) {
        return fill.tradeId() + "/" + fill.exchangeOrderId();
    }

    private static List<Fill> sorted(Collection<Fill> fills) {
        List<Fill> list = new ArrayList<>(fills);
        list.sort(Comparator.comparing(Fill::timestamp));
        return List.copyOf(list);
    }
}
