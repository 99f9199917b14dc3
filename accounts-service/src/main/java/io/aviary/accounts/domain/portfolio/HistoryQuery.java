package io.aviary.accounts.domain.portfolio;

import java.time.Instant;

/**
 * One page request of the snapshot history (api-catalog §1.0 scheme 2): snapshots strictly older
 * than {@code cursor}, inside {@code [start, end]} when given, newest first, at most {@code limit}.
 */
public record HistoryQuery(PortfolioFilter filter, int limit, Instant cursor, Instant start, Instant end) {

    public static final int MAX_LIMIT = 1000;

    public HistoryQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }
}
