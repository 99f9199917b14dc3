package io.aviary.archive.domain;

/** An offset page: {@code limit} rows from row {@code offset} (0-based). */
public record PageRequest(int limit, long offset) {

    public static final int MAX_LIMIT = 10_000;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
    }

    public boolean hasMore(long total) {
        return offset + limit < total;
    }
}
