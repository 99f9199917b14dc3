package io.aviary.archive.domain;

import java.util.List;

/**
 * What the index keeps per database so that listing and summaries never open the file: row counts and the markets
 * traded. A table missing from an older archive counts 0.
 */
public record DatabaseSummary(long totalOrders, long totalTrades, long totalExecutors, long totalPositions,
        long totalControllers, List<String> tradingPairs, List<String> exchanges) {

    public DatabaseSummary {
        tradingPairs = List.copyOf(tradingPairs);
        exchanges = List.copyOf(exchanges);
    }
}
