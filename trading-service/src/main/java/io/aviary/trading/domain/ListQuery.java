package io.aviary.trading.domain;

import java.time.Instant;
import java.util.List;

/**
 * Filters shared by the trading lists. Empty lists mean "no filter"; several values mean "any of";
 * {@code start}/{@code end} bound the list's time column, both inclusive, and may be null.
 */
public record ListQuery(List<String> accountNames, List<String> connectorNames, List<String> tradingPairs,
        Instant start, Instant end, int limit, PageCursor cursor) {

    public ListQuery {
        accountNames = List.copyOf(accountNames);
        connectorNames = List.copyOf(connectorNames);
        tradingPairs = List.copyOf(tradingPairs);
    }
}
