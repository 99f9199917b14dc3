package io.aviary.trading.domain;

import java.time.Instant;

/**
 * One entry of an executor's captured log. {@code seq} orders the entries of the store (increasing with every entry
 * written); 0 for an entry not stored yet. {@code level} is ERROR, WARNING, INFO or DEBUG.
 */
public record ExecutorLogEntry(String executorId, long seq, Instant timestamp, String level, String message) {
}
