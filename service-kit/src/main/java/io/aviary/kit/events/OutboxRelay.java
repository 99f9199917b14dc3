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

    /** Publishes up to one batch; returns how many rows were marked published. */
    int publishBatch() {
        Integer published = tx.execute(status -> {
            List<PendingRow> rows = jdbc.query(
                    "SELECT seq, event_id, topic, event_key, envelope FROM event_outbox WHERE published_at IS NULL "
                            + "ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED",
                    (rs, i) -> new PendingRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5)),
                    BATCH);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Long> sent = send(rows);
            markPublished(sent);
            if (sent.size() < rows.size()) {
                jdbc.update("UPDATE event_outbox SET attempts = attempts + 1 WHERE seq = ?", rows.get(sent.size()).seq());
            }
            return sent.size();
        });
        return published == null ? 0 : published;
    }

    /** Sends all rows, then keeps the seqs of the in-order prefix that Kafka acknowledged. */
    private List<Long> send(List<PendingRow> rows) {
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
        if (sent.isEmpty() && failure != null) {
            throw failure;
        }
        return sent;
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

    private record PendingRow(long seq, UUID eventId, String topic, String key, String envelope) {
    }
}
