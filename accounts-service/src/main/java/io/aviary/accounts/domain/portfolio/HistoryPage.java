package io.aviary.accounts.domain.portfolio;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of snapshots, newest first. {@code nextCursor} is the timestamp of the last item when
 * more follow. The cursor is a bare timestamp (the compatible format), so a page never ends inside
 * a group of snapshots sharing one timestamp: the next page asks for "older than the cursor" and
 * would skip the rest of the group.
 */
public record HistoryPage(List<ConnectorBalances> items, boolean hasMore) {

    public HistoryPage {
        items = List.copyOf(items);
    }

    public Optional<Instant> nextCursor() {
        return hasMore && !items.isEmpty() ? Optional.of(items.getLast().observedAt()) : Optional.empty();
    }

    /**
     * Cuts a fetched window (newest first, up to {@code limit + 1} rows) into a page that does not
     * split a timestamp group: trailing rows that share the timestamp of the first row left out are
     * left out too. Empty when the whole window is one group; the caller then serves that group
     * whole (the only case where a page may exceed {@code limit}).
     */
    public static <T> Optional<List<T>> cut(List<T> window, int limit, Function<T, Instant> time) {
        if (window.size() <= limit) {
            return Optional.of(window);
        }
        Instant boundary = time.apply(window.get(limit));
        int end = limit;
        while (end > 0 && time.apply(window.get(end - 1)).equals(boundary)) {
            end--;
        }
        return end == 0 ? Optional.empty() : Optional.of(window.subList(0, end));
    }
}
