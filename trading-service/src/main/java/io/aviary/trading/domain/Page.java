package io.aviary.trading.domain;

import java.util.List;

/** One page of a list: its items, whether more follow and the cursor that reads them, and the total matching. */
public record Page<T>(List<T> items, int limit, boolean hasMore, String nextCursor, long totalCount) {

    public Page {
        items = List.copyOf(items);
    }
}
