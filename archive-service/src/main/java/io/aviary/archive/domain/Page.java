package io.aviary.archive.domain;

import java.util.List;

/** A page of rows and the total the rows are counted from. */
public record Page<T>(List<T> items, long total, PageRequest request) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return request.hasMore(total);
    }
}
