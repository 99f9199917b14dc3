package io.aviary.trading.app.executors;

import io.aviary.trading.domain.ExecutorLogEntry;
import java.time.Instant;

/**
 * What one executor logs (Hummingbot's per-executor log capture): each entry goes to the {@link ExecutorLogStore}
 * (PostgreSQL, the last few hundred per executor, read by any replica). Errors are also counted and the last one kept
 * for the executor's row; a resumed executor continues the counts its row had.
 */
final class ExecutorLog {

    private static final int MAX_MESSAGE = 500;

    private final String executorId;
    private final ExecutorLogStore store;
    private int errors;
    private String lastError;

    ExecutorLog(String executorId, ExecutorLogStore store) {
        this(executorId, store, 0, null);
    }

    ExecutorLog(String executorId, ExecutorLogStore store, int errors, String lastError) {
        this.executorId = executorId;
        this.store = store;
        this.errors = errors;
        this.lastError = lastError;
    }

    synchronized void add(Instant at, String level, String message) {
        String bounded = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
        store.append(new ExecutorLogEntry(executorId, 0, at, level, bounded));
        if ("ERROR".equals(level)) {
            errors++;
            lastError = bounded;
        }
    }

    synchronized int errors() {
        return errors;
    }

    synchronized String lastError() {
        return lastError;
    }
}
