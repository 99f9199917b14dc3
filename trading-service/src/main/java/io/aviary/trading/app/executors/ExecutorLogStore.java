package io.aviary.trading.app.executors;

import io.aviary.trading.domain.ExecutorLogEntry;
import io.aviary.trading.infra.ExecutorLogRepository;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executors' captured logs in PostgreSQL, so every replica answers the same log and a restart keeps it. An entry is
 * queued by the host thread (no database call on the tick path) and written with the others in one transaction
 * every {@code aviary.executors.log-flush}, which also trims each executor written to its newest
 * {@code aviary.executors.log-kept} entries. A read flushes this replica's queue first, so the owner reads its own
 * entries at once; another replica sees them one flush later. A SIGKILL loses the entries queued since the last
 * flush (one flush interval); a graceful stop writes them.
 *
 * <p>The queue is bounded ({@link #QUEUE_CAPACITY}): while the database is down entries wait there and are retried;
 * when it is full new entries are dropped and counted, never blocking the host.
 */
@Component
public class ExecutorLogStore implements AutoCloseable {

    static final int QUEUE_CAPACITY = 10_000;
    private static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(ExecutorLogStore.class);

    private final ExecutorLogRepository repository;
    private final TransactionTemplate tx;
    private final int kept;
    private final ArrayDeque<ExecutorLogEntry> pending = new ArrayDeque<>();
    private final Object flushing = new Object();
    private final ScheduledExecutorService thread = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("executor-logs").daemon().factory());
    private long dropped;
    private volatile boolean failing;

    public ExecutorLogStore(ExecutorLogRepository repository, TransactionTemplate aviaryTransactionTemplate,
            @Value("${aviary.executors.log-kept:200}") int kept,
            @Value("${aviary.executors.log-flush:1s}") Duration flushEvery) {
        if (kept < 1) {
            throw new IllegalArgumentException("aviary.executors.log-kept must be at least 1, not " + kept);
        }
        this.repository = repository;
        this.tx = aviaryTransactionTemplate;
        this.kept = kept;
        long every = Math.max(10, flushEvery.toMillis());
        thread.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Queues an entry; any thread, never waits for the database. */
    void append(ExecutorLogEntry entry) {
        synchronized (pending) {
            if (pending.size() >= QUEUE_CAPACITY) {
                if (dropped++ % 1000 == 0) {
                    log.warn("Executor log queue full ({} entries, the database is not taking them): {} entries "
                            + "dropped so far", QUEUE_CAPACITY, dropped);
                }
                return;
            }
            pending.addLast(entry);
        }
    }

    /** The stored entries of an executor, oldest first, only {@code level} when given. */
    public List<ExecutorLogEntry> entries(String executorId, String level) {
        return entriesAfter(executorId, level, 0);
    }

    /** The stored entries of an executor written after {@code afterSeq}, oldest first. */
    public List<ExecutorLogEntry> entriesAfter(String executorId, String level, long afterSeq) {
        flushQuietly();
        return repository.entries(executorId, level, afterSeq);
    }

    /** Writes the queued entries and trims the executors written; on a failure they stay queued and it throws. */
    void flush() {
        synchronized (flushing) {
            for (List<ExecutorLogEntry> batch = take(); !batch.isEmpty(); batch = take()) {
                write(batch);
            }
        }
    }

    private void write(List<ExecutorLogEntry> batch) {
        Set<String> executors = new LinkedHashSet<>();
        batch.forEach(e -> executors.add(e.executorId()));
        try {
            tx.executeWithoutResult(status -> {
                repository.append(batch);
                repository.trim(executors, kept);
            });
        } catch (RuntimeException e) {
            putBack(batch);
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
            if (failing) {
                failing = false;
                log.info("Executor logs are written again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("Could not write executor logs (kept queued, retried every flush): {}", e.toString());
            }
        }
    }

    private List<ExecutorLogEntry> take() {
        synchronized (pending) {
            List<ExecutorLogEntry> batch = new ArrayList<>(Math.min(BATCH, pending.size()));
            while (batch.size() < BATCH && !pending.isEmpty()) {
                batch.add(pending.removeFirst());
            }
            return batch;
        }
    }

    /** A batch that was not written goes back to the head of the queue, in order, as far as it fits. */
    private void putBack(List<ExecutorLogEntry> batch) {
        synchronized (pending) {
            for (int i = batch.size() - 1; i >= 0; i--) {
                if (pending.size() < QUEUE_CAPACITY) {
                    pending.addFirst(batch.get(i));
                } else {
                    dropped++;
                }
            }
        }
    }

    /** A graceful stop: the flushes end and what is queued is written. */
    @PreDestroy
    @Override
    public void close() {
        thread.shutdownNow();
        flushQuietly();
    }
}
