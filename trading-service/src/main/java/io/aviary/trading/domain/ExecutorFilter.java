package io.aviary.trading.domain;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST /executors/search}: every list narrows (empty = any); the page starts after {@code afterCreatedAt} /
 * {@code afterExecutorId} (newest first) when a cursor was given.
 */
public record ExecutorFilter(List<String> accountNames, List<String> connectorNames, List<String> tradingPairs,
        List<String> executorTypes, String status, List<String> controllerIds, int limit, Instant afterCreatedAt,
        String afterExecutorId) {
}
