package io.aviary.kit.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka, keeping the order of the rows that share a topic and key (one aggregate's events).
 * One relay per schema works at a time (a transaction-level advisory lock, so replicas take turns instead of
 * sending interleaved batches). A batch is sent in waves: a wave holds at most one row per topic and key, and is
 * sent only after the wave before it was acknowledged. A row that fails blocks the rows behind it with its topic
 * and key (they are not even sent) while other keys go on, so a failed send can never be overtaken by a later
 * event of the same aggregate, and one row that can never be sent holds back only its own aggregate. Acknowledged
 * rows are marked published in the batch's transaction. When Kafka is unreachable nothing is marked and the relay
 * backs off; the rows wait in PostgreSQL. A crash between send and commit can re-send a row, which is why
 * consumers deduplicate on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int MAX_ERROR = 500;
    /** One relay per schema at a time; the lock ends with the batch's transaction. */
    private static final String RELAY_LOCK =
            "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.event_outbox'))";

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
     * Publishes up to one batch; returns how many rows were marked published. Every row that could not be sent gets
     * its attempt counted and its error recorded; when nothing of the batch went out, the first failure is thrown
     * (after the commit) so the loop backs off.
     */
    int publishBatch() {
        Sent batch = tx.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject(RELAY_LOCK, Boolean.class))) {
                return Sent.NOTHING; // another replica is relaying this schema's outbox right now
            }
            List<PendingRow> rows = jdbc.query(
                    "SELECT seq, event_id, topic, event_key, envelope, trace_parent FROM event_outbox "
                            + "WHERE published_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE",
                    (rs, i) -> new PendingRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)),
                    BATCH);
            Sent sent = sendInKeyOrder(rows);
            markPublished(sent.seqs());
            for (Failure failure : sent.failures()) {
                jdbc.update("UPDATE event_outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?",
                        bounded(summary(failure.cause())), failure.seq());
            }
            return sent;
        });
        if (batch == null) {
            return 0;
        }
        if (batch.seqs().isEmpty() && !batch.failures().isEmpty()) {
            throw new IllegalStateException(summary(batch.failures().getFirst().cause()), batch.failures().getFirst().cause());
        }
        return batch.seqs().size();
    }

    /**
     * Sends the rows wave by wave (see the class comment). A wave in which nothing was acknowledged ends the batch:
     * Kafka is most likely down, and sending more waves would only wait for more timeouts.
     */
    private Sent sendInKeyOrder(List<PendingRow> rows) {
        List<Long> acknowledged = new ArrayList<>(rows.size());
        List<Failure> failures = new ArrayList<>();
        Set<TopicKey> blocked = new HashSet<>();
        for (List<PendingRow> wave : waves(rows)) {
            List<PendingRow> sendable = wave.stream().filter(row -> !blocked.contains(row.topicKey())).toList();
            if (sendable.isEmpty()) {
                continue;
            }
            int acknowledgedBefore = acknowledged.size();
            List<CompletableFuture<?>> acks = sendAll(sendable);
            for (int i = 0; i < sendable.size(); i++) {
                PendingRow row = sendable.get(i);
                RuntimeException failure = await(acks.get(i));
                if (failure == null) {
                    acknowledged.add(row.seq());
                } else {
                    failures.add(new Failure(row.seq(), failure));
                    blocked.add(row.topicKey());
                }
            }
            if (acknowledged.size() == acknowledgedBefore) {
                break;
            }
        }
        failures.sort(Comparator.comparingLong(Failure::seq));
        return new Sent(acknowledged, failures);
    }

    /** Wave n holds each topic and key's n-th row of the batch, in seq order. */
    private static List<List<PendingRow>> waves(List<PendingRow> rows) {
        Map<TopicKey, Integer> seen = new HashMap<>();
        List<List<PendingRow>> waves = new ArrayList<>();
        for (PendingRow row : rows) {
            int wave = seen.merge(row.topicKey(), 1, Integer::sum) - 1;
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(row);
        }
        return waves;
    }

    /** Hands every row to the producer; a row the producer refuses at once gets a failed future like a late failure. */
    private List<CompletableFuture<?>> sendAll(List<PendingRow> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (PendingRow row : rows) {
            try {
                acks.add(kafka.send(row.record()));
            } catch (RuntimeException e) {
                acks.add(CompletableFuture.failedFuture(e));
            }
        }
        return acks;
    }

    /** Null when Kafka acknowledged the row, else why it did not. */
    private static RuntimeException await(CompletableFuture<?> ack) {
        try {
            ack.get(20, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(summary(cause), cause);
        }
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

    /** The seqs Kafka acknowledged, and the rows it did not, by seq. */
    private record Sent(List<Long> seqs, List<Failure> failures) {
        static final Sent NOTHING = new Sent(List.of(), List.of());
    }

    private record Failure(long seq, RuntimeException cause) {
    }

    /** Kafka keeps order per partition, and a topic and key always map to one partition. */
    private record TopicKey(String topic, String key) {
    }

    /** @param traceParent the W3C traceparent stored with the row, or null */
    private record PendingRow(long seq, UUID eventId, String topic, String key, String envelope, String traceParent) {
        TopicKey topicKey() {
            return new TopicKey(topic, key);
        }

        /** The Kafka record, carrying the writer's trace context as its traceparent header when there was one. */
        org.apache.kafka.clients.producer.ProducerRecord<String, String> record() {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, envelope);
            if (traceParent != null) {
                record.headers().add(TraceParents.HEADER, traceParent.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            return record;
        }
    }
}
