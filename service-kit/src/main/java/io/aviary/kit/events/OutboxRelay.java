package io.aviary.kit.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in {@code seq} order. A batch is locked ({@code FOR UPDATE SKIP
 * LOCKED}, so several instances can run), sent, and the successfully sent prefix is marked
 * published in the same transaction. When Kafka is unreachable nothing is marked and the relay
 * backs off; the rows wait in PostgreSQL until Kafka is back. A crash between send and commit can
 * re-send a row, which is why consumers deduplicate on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int MAX_ERROR = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
    }

    void wakeUp() {
        wakeUps.release();
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofVirtual().name("outbox-relay").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        try {
            worker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                int published = publishBatch();
                backoff = Duration.ZERO;
                if (published < BATCH) {
                    waitForWork(IDLE_POLL);
                }
            } catch (RuntimeException e) {
                backoff = backoff.isZero() ? Duration.ofMillis(250) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                log.warn("Outbox relay could not publish ({}); retrying in {} ms", summary(e), backoff.toMillis());
                waitForWork(backoff);
            }
        }
    }

    /**
     * Publishes up to one batch; returns how many rows were marked published. The first row that could not be
     * sent gets its attempt counted and its error recorded, also when nothing of the batch went out; that case is
     * then thrown (after the commit) so the loop backs off.
     */
    int publishBatch() {
        Sent batch = tx.execute(status -> {
            List<PendingRow> rows = jdbc.query(
                    "SELECT seq, event_id, topic, event_key, envelope FROM event_outbox WHERE published_at IS NULL "
                            + "ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED",
                    (rs, i) -> new PendingRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5)),
                    BATCH);
            if (rows.isEmpty()) {
                return new Sent(List.of(), null);
            }
            Sent sent = send(rows);
            markPublished(sent.seqs());
            if (sent.failure() != null) {
                jdbc.update("UPDATE event_outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?",
                        bounded(summary(sent.failure())), rows.get(sent.seqs().size()).seq());
            }
            return sent;
        });
        if (batch == null) {
            return 0;
        }
        if (batch.seqs().isEmpty() && batch.failure() != null) {
            throw batch.failure();
        }
        return batch.seqs().size();
    }

    /** Sends all rows, then keeps the seqs of the in-order prefix that Kafka acknowledged, and the first failure. */
    private Sent send(List<PendingRow> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (PendingRow row : rows) {
            try {
                acks.add(kafka.send(row.topic(), row.key(), row.envelope()));
            } catch (RuntimeException e) {
                acks.add(CompletableFuture.failedFuture(e));
                break;
            }
        }
        List<Long> sent = new ArrayList<>(rows.size());
        RuntimeException failure = null;
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(20, TimeUnit.SECONDS);
                if (failure == null) {
                    sent.add(rows.get(i).seq());
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                failure = failure == null ? new IllegalStateException(summary(e), e) : failure;
            }
        }
        return new Sent(sent, failure);
    }

    private void markPublished(List<Long> seqs) {
        if (!seqs.isEmpty()) {
            jdbc.update("UPDATE event_outbox SET published_at = now(), last_error = NULL WHERE seq = ANY (?)",
                    (Object) seqs.toArray(Long[]::new));
        }
    }

    private void waitForWork(Duration timeout) {
        try {
            if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** An error text for the table: the exception's type and message, never the row's envelope, and bounded. */
    private static String bounded(String summary) {
        return summary.length() <= MAX_ERROR ? summary : summary.substring(0, MAX_ERROR) + "…";
    }

    /** The seqs Kafka acknowledged in order, and what stopped the batch after them (null when nothing did). */
    private record Sent(List<Long> seqs, RuntimeException failure) {
    }

    private record PendingRow(long seq, UUID eventId, String topic, String key, String envelope) {
    }
}
