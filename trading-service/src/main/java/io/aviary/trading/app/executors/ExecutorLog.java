package io.aviary.trading.app.executors;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last {@link #CAPACITY} log entries of one executor (Hummingbot's per-executor log capture), in memory: they
 * are gone after a restart of the service, as Hummingbot's are after the executor completes. Errors are also counted
 * and the last one stored with the executor's row, which does survive.
 */
public final class ExecutorLog {

    static final int CAPACITY = 200;
    private static final int MAX_MESSAGE = 500;

    /** One entry; {@code level} is ERROR, WARNING, INFO or DEBUG. */
    public record Entry(Instant timestamp, String level, String message) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private int errors;
    private String lastError;

    synchronized void add(Instant at, String level, String message) {
        String bounded = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(at, level, bounded));
        if ("ERROR".equals(level)) {
            errors++;
            lastError = bounded;
        }
    }

    /** Oldest first, only {@code level} when given. */
    public synchronized List<Entry> entries(String level) {
        return entries.stream().filter(e -> level == null || e.level().equalsIgnoreCase(level)).toList();
    }

    synchronized int errors() {
        return errors;
    }

    synchronized String lastError() {
        return lastError;
    }
}
