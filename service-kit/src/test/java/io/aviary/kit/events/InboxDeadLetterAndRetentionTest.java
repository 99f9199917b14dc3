package io.aviary.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.EventJson;
import io.aviary.common.events.lifecycle.ServiceStarted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's failure handling, replay and the retention job against a real PostgreSQL migrated with the kit's
 * scripts: a handler that keeps failing is parked after the configured attempts, a database outage is never
 * parked, unreadable envelopes are parked, a replay applies a parked event exactly once, and pruning removes only
 * what is past the retention.
 */
class InboxDeadLetterAndRetentionTest {

    private static final String SCHEMA = KitDatabase.SCHEMA;
    private static final String TOPIC = "aviary.test.events";
    private static final int ATTEMPTS = 3;

    private static KitDatabase database;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;

    private final EventJson json = new EventJson();
    /** What the test handler does with an event: null applies it, otherwise it throws this. */
    private final AtomicReference<RuntimeException> handlerFailure = new AtomicReference<>();
    private DeadLetters deadLetters;
    private EventInbox inbox;
    private DeadLetterReplay replay;

    @BeforeAll
    static void startPostgres() throws IOException {
        database = new KitDatabase();
        jdbc = database.jdbc;
        tx = database.tx;
        jdbc.execute("CREATE TABLE applied (event_id UUID NOT NULL)"); // what the test handler writes, per event
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        database.close();
    }

    @BeforeEach
    void setUp() {
        jdbc.execute("TRUNCATE applied, event_inbox, event_outbox, event_dead_letter");
        deadLetters = new DeadLetters(jdbc);
        inbox = new EventInbox(jdbc, tx, json, inboxHandlers(), deadLetters, ATTEMPTS);
        replay = new DeadLetterReplay(deadLetters, inbox, json, tx);
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedThenParkedAndThePartitionMovesOn() {
        EventEnvelope envelope = envelope();
        ConsumerRecord<String, String> record = record(7, 42, envelope);
        handlerFailure.set(new DataIntegrityViolationException("duplicate key value violates unique constraint"));

        for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> inbox.receive(record)).as("attempt %d is retried", attempt)
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
        inbox.receive(record); // the last attempt parks it and returns: the container commits the offset

        assertThat(count("SELECT count(*) FROM applied")).isZero();
        assertThat(count("SELECT count(*) FROM event_inbox")).isZero();
        DeadLetters.Parked parked = single();
        assertThat(parked.eventId()).contains(envelope.id());
        assertThat(parked.eventType()).contains("ServiceStarted");
        assertThat(parked.topic()).isEqualTo(TOPIC);
        assertThat(parked.partition()).isEqualTo(7);
        assertThat(parked.offset()).isEqualTo(42);
        assertThat(parked.envelope()).isEqualTo(record.value());
        assertThat(parked.errorClass()).isEqualTo(DataIntegrityViolationException.class.getName());
        assertThat(parked.attempts()).isEqualTo(ATTEMPTS);
        assertThat(parked.firstFailedAt()).isBeforeOrEqualTo(parked.lastFailedAt());
        assertThat(jdbc.queryForObject("SELECT error_message FROM event_dead_letter", String.class))
                .contains("duplicate key");

        // the same offset delivered again (the offset commit was lost): still one parked row
        handlerFailure.set(new IllegalStateException("a bug"));
        for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> inbox.receive(record)).isInstanceOf(IllegalStateException.class);
        }
        inbox.receive(record);
        assertThat(count("SELECT count(*) FROM event_dead_letter")).isEqualTo(1);
    }

    @Test
    void aDatabaseOutageIsRetriedForAsLongAsItLastsAndNeverParked() {
        // An inbox whose transactions go to a PostgreSQL that is not there: nothing listens on that port.
        PGSimpleDataSource down = new PGSimpleDataSource();
        down.setUrl("jdbc:postgresql://127.0.0.1:" + freePort() + "/postgres?connectTimeout=2");
        EventInbox cutOff = new EventInbox(new JdbcTemplate(down), new TransactionTemplate(new DataSourceTransactionManager(down)),
                json, List.of(EventHandler.of(ServiceStarted.class, (event, envelope) -> { })), deadLetters, ATTEMPTS);
        ConsumerRecord<String, String> record = record(0, 5, envelope());

        for (int attempt = 1; attempt <= 3 * ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> cutOff.receive(record)).as("attempt %d", attempt)
                    .satisfies(e -> assertThat(InboxFailures.isTransient(e)).isTrue());
        }
        assertThat(count("SELECT count(*) FROM event_dead_letter")).isZero();
        assertThat(InboxFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
        assertThat(InboxFailures.isTransient(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(InboxFailures.isTransient(new RuntimeException(new java.sql.SQLException("shutting down", "57P01"))))
                .isTrue();
    }

    @Test
    void anUnreadableEnvelopeIsParkedAtOnceInsteadOfDropped() {
        inbox.receive(new ConsumerRecord<>(TOPIC, 1, 9, "key", "{not an envelope"));

        DeadLetters.Parked parked = single();
        assertThat(parked.eventId()).isEmpty();
        assertThat(parked.envelope()).isEqualTo("{not an envelope");
        assertThat(parked.attempts()).isEqualTo(1);
        // replaying cannot help until a build can read it: it stays, with one more attempt
        assertThat(replay.replayAll()).isZero();
        assertThat(single().attempts()).isEqualTo(2);
    }

    @Test
    void aReplayAppliesAParkedEventExactlyOnce() {
        EventEnvelope envelope = envelope();
        park(record(2, 100, envelope));

        // still failing: it stays parked and counts the attempt
        assertThat(replay.replayAll()).isZero();
        assertThat(single().attempts()).isEqualTo(ATTEMPTS + 1);
        assertThat(count("SELECT count(*) FROM applied")).isZero();

        handlerFailure.set(null); // the bug is fixed
        assertThat(replay.replayAll()).isEqualTo(1);
        assertThat(replay.replayAll()).isZero();
        assertThat(count("SELECT count(*) FROM applied")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM event_inbox")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM event_dead_letter")).isZero();

        // Kafka delivers the event again (a re-send at a new offset): the inbox row stops it
        inbox.receive(record(2, 250, envelope));
        assertThat(count("SELECT count(*) FROM applied")).isEqualTo(1);
    }

    @Test
    void anEventNoHandlerWantsOrNoContractKnowsIsPassedOverWithoutADatabaseWriteNorParked() {
        EventEnvelope otherType = json.envelope(new io.aviary.common.events.accounts.AccountCreated("desk_a"), "accounts");
        EventEnvelope newerType = new EventEnvelope(UUID.randomUUID(), "SomethingANewerProducerSends", 1,
                java.time.Instant.now(), "future-service", "k", json.mapper().createObjectNode().put("x", 1));

        inbox.receive(record(0, 1, otherType));
        inbox.receive(record(0, 2, newerType));
        inbox.receive(record(0, 3, newerType)); // redelivered: still one inbox row

        assertThat(count("SELECT count(*) FROM applied")).as("the ServiceStarted handler saw neither").isZero();
        // nothing to apply, so nothing to remember: a service's own events on its topic cost no transaction
        assertThat(count("SELECT count(*) FROM event_inbox")).isZero();
        assertThat(count("SELECT count(*) FROM event_dead_letter")).isZero();

        EventEnvelope handled = envelope();
        inbox.receive(record(0, 4, handled));
        assertThat(jdbc.queryForList("SELECT event_type FROM event_inbox", String.class)).containsExactly("ServiceStarted");
    }

    @Test
    void aParkedEventHandledMeanwhileThroughAReSentCopyIsNotAppliedAgainByTheReplay() {
        EventEnvelope envelope = envelope();
        park(record(0, 1, envelope));
        handlerFailure.set(null);
        inbox.receive(record(0, 2, envelope)); // the producer re-sent it, and now it works

        assertThat(replay.replayAll()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM applied")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM event_dead_letter")).isZero();
    }

    @Test
    void healthAndMetricsShowHowManyAreParkedAndSinceWhenWithoutGoingDown() {
        DeadLetterHealthIndicator indicator = new DeadLetterHealthIndicator(deadLetters);
        assertThat(indicator.health().getDetails()).containsEntry("count", 0L).containsEntry("oldestSeconds", 0L);

        park(record(0, 1, envelope()));
        park(record(1, 1, envelope()));
        jdbc.update("UPDATE event_dead_letter SET first_failed_at = now() - interval '1 hour' WHERE kafka_partition = 0");

        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("count", 2L);
        assertThat((Long) health.getDetails().get("oldestSeconds")).isBetween(3600L, 3660L);

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new EventMetrics(jdbc, deadLetters).bindTo(registry);
        assertThat(registry.get("aviary.events.dead.letters").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void retriesAndParkedEventsAreCountedAndTheOutboxLagIsTheOldestUnpublishedRowsAge() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        inbox = new EventInbox(jdbc, tx, json, inboxHandlers(), deadLetters, ATTEMPTS, meters);
        park(record(3, 1, envelope()));
        assertThat(meters.get("aviary.events.inbox.retries").tag("reason", "handler").counter().count())
                .isEqualTo(ATTEMPTS - 1);
        assertThat(meters.get("aviary.events.inbox.parked").counter().count()).isEqualTo(1.0);

        new EventMetrics(jdbc, deadLetters).bindTo(meters);
        assertThat(meters.get("aviary.events.outbox.lag").gauge().value()).as("nothing waits").isZero();
        outbox("now() - interval '10 minutes'", "now()"); // published: does not count
        outbox("now() - interval '90 seconds'", "NULL");
        outbox("now() - interval '5 seconds'", "NULL");
        assertThat(meters.get("aviary.events.outbox.lag").gauge().value()).isBetween(90.0, 120.0);
        assertThat(meters.get("aviary.events.outbox.pending").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void pruningRemovesPublishedOutboxRowsAndInboxIdsPastTheRetentionInBatches() {
        for (int i = 0; i < 25; i++) {
            outbox("now() - interval '9 days'", "now() - interval '8 days'");
            inbox("now() - interval '8 days'");
        }
        UUID recentPublished = outbox("now() - interval '1 day'", "now() - interval '1 day'");
        UUID oldPending = outbox("now() - interval '30 days'", null);
        UUID recentInbox = inbox("now() - interval '6 days'");

        EventRetention.Pruned pruned = new EventRetention(jdbc, Duration.ofDays(7), 10).pruneAll();

        assertThat(pruned).isEqualTo(new EventRetention.Pruned(25, 25));
        assertThat(jdbc.queryForList("SELECT event_id FROM event_outbox", UUID.class))
                .containsExactlyInAnyOrder(recentPublished, oldPending);
        assertThat(jdbc.queryForList("SELECT event_id FROM event_inbox", UUID.class)).containsExactly(recentInbox);
        assertThat(new EventRetention(jdbc, Duration.ofDays(7), 10).pruneAll()).isEqualTo(new EventRetention.Pruned(0, 0));
    }

    // --- helpers ---

    /** The test handler: writes to {@code applied}, then throws {@link #handlerFailure} if one is set. */
    private List<EventHandler<?>> inboxHandlers() {
        return List.of(EventHandler.of(ServiceStarted.class, (event, envelope) -> {
            jdbc.update("INSERT INTO applied (event_id) VALUES (?)", envelope.id());
            RuntimeException failure = handlerFailure.get();
            if (failure != null) {
                throw failure; // after its write: the rollback must undo it
            }
        }));
    }

    private EventEnvelope envelope() {
        return json.envelope(new ServiceStarted("test-service", UUID.randomUUID().toString(), "dev"), "test-service");
    }

    private ConsumerRecord<String, String> record(int partition, long offset, EventEnvelope envelope) {
        return new ConsumerRecord<>(TOPIC, partition, offset, envelope.key(), json.write(envelope));
    }

    /** Delivers the record until the failing handler has it parked. */
    private void park(ConsumerRecord<String, String> record) {
        handlerFailure.set(new IllegalStateException("a bug"));
        for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> inbox.receive(record)).isInstanceOf(IllegalStateException.class);
        }
        inbox.receive(record);
    }

    private DeadLetters.Parked single() {
        List<DeadLetters.Parked> all = deadLetters.all();
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private static UUID outbox(String createdAt, String publishedAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO event_outbox (event_id, event_type, topic, event_key, envelope, created_at, published_at) "
                + "VALUES (?, 'T', 't', 'k', '{}', " + createdAt + ", " + publishedAt + ")", id);
        return id;
    }

    private static UUID inbox(String receivedAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO event_inbox (event_id, event_type, source, received_at) VALUES (?, 'T', 's', " + receivedAt + ")", id);
        return id;
    }

    private static long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
