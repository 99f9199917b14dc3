package io.aviary.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.EventJson;
import io.aviary.common.events.lifecycle.ServiceStarted;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox relay against a real PostgreSQL (the kit's migrations) and a real in-JVM KRaft broker that does not
 * create topics on demand, so a row addressed to a topic that does not exist yet fails to send while its
 * neighbours succeed, and a topic that refuses large records. Each {@code publishBatch()} call is one tick of the relay's loop.
 */
class OutboxRelayPartialBatchTest {

    private static final String SCHEMA = KitDatabase.SCHEMA;
    private static final String PRESENT = "aviary.present.events";
    private static final String LATE = "aviary.late.events";
    private static final String SMALL = "aviary.small.events";
    private static final String REPLICA = "aviary.replica.events";

    private static KitDatabase database;
    private static EmbeddedKafkaKraftBroker kafka;
    private static DefaultKafkaProducerFactory<String, String> producers;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;

    private final EventJson json = new EventJson();

    @BeforeAll
    static void start() throws IOException {
        database = new KitDatabase();
        jdbc = database.jdbc;
        tx = database.tx;

        kafka = new EmbeddedKafkaKraftBroker(1, 1, PRESENT, REPLICA);
        kafka.brokerProperty("auto.create.topics.enable", "false");
        kafka.afterPropertiesSet();
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                // a send to a missing topic waits this long for its metadata, then fails that record only
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** Each test starts with an empty outbox: a row another test left unsendable must not change this one's batches. */
    @BeforeEach
    void emptyOutbox() {
        jdbc.update("DELETE FROM event_outbox");
    }

    @AfterAll
    static void stop() throws IOException {
        if (producers != null) {
            producers.destroy();
        }
        if (kafka != null) {
            kafka.destroy();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aRowThatFailsHoldsBackOnlyItsOwnTopicAndKeyAndEverythingIsSentOnceTheTopicExists() {
        OutboxRelay relay = new OutboxRelay(jdbc, tx, new KafkaTemplate<>(producers));
        EventEnvelope first = append(PRESENT, relay, "relay-test", "a", "0");
        EventEnvelope toMissingTopic = append(LATE, relay, "relay-test", "b", "0");
        EventEnvelope behindIt = append(PRESENT, relay, "relay-test", "c", "0");

        // tick 1: the row whose topic is missing fails; the rows of the other topic are not ordered behind it
        assertThat(relay.publishBatch()).isEqualTo(2);
        assertThat(row(first).published()).isTrue();
        assertThat(row(first).attempts()).isZero();
        Row failed = row(toMissingTopic);
        assertThat(failed.published()).isFalse();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).as("last_error names the failure").isNotBlank()
                .doesNotContain(json.write(toMissingTopic)).doesNotContain("\"payload\"").hasSizeLessThan(600);
        assertThat(row(behindIt).published()).isTrue();

        // tick 2: only the failed row is left; nothing can be marked, the relay reports it (and backs off)
        assertThatThrownBy(relay::publishBatch).isInstanceOf(IllegalStateException.class);
        assertThat(row(toMissingTopic).attempts()).as("a batch that sent nothing still counts the attempt").isEqualTo(2);
        assertThat(row(toMissingTopic).lastError()).isNotBlank();

        // tick 3: the topic exists now; the row goes out, the error is cleared, the count kept
        kafka.addTopics(new NewTopic(LATE, 1, (short) 1));
        assertThat(relay.publishBatch()).isEqualTo(1);
        assertThat(row(toMissingTopic).published()).isTrue();
        assertThat(row(toMissingTopic).attempts()).isEqualTo(2);
        assertThat(row(toMissingTopic).lastError()).isNull();
        assertThat(relay.publishBatch()).as("nothing left").isZero();

        // on the wire: every event exactly once, in order
        assertThat(eventIds(PRESENT, 2)).containsExactly(first.id(), behindIt.id());
        assertThat(eventIds(LATE, 1)).containsExactly(toMissingTopic.id());
    }

    /**
     * The broker refuses one record (larger than the topic allows) after the producer has sent it, while the records
     * sent with it are accepted. A later event of the same aggregate must not reach the topic ahead of the refused
     * one (consumers would apply it first); another aggregate's event is not held back.
     */
    @Test
    void aLaterEventOfTheSameAggregateIsNeverSentAheadOfOneThatFailed() {
        kafka.addTopics(new NewTopic(SMALL, 1, (short) 1).configs(Map.of("max.message.bytes", "2048")));
        OutboxRelay relay = new OutboxRelay(jdbc, tx, new KafkaTemplate<>(producers));
        EventEnvelope tooLarge = append(SMALL, relay, "aggregate-k", "1", "x".repeat(20_000));
        EventEnvelope sameAggregateAfter = append(SMALL, relay, "aggregate-k", "2", "0");
        EventEnvelope otherAggregate = append(SMALL, relay, "aggregate-l", "3", "0");

        // tick 1: the other aggregate's event goes out; tick 2: only the refused row could go, so the relay backs off
        assertThat(relay.publishBatch()).isEqualTo(1);
        assertThatThrownBy(relay::publishBatch).isInstanceOf(IllegalStateException.class);
        assertThat(row(tooLarge).published()).isFalse();
        assertThat(row(tooLarge).attempts()).isEqualTo(2);
        assertThat(row(tooLarge).lastError()).contains("RecordTooLarge");
        assertThat(row(sameAggregateAfter).published()).isFalse();
        assertThat(row(sameAggregateAfter).attempts()).as("held back, never sent").isZero();
        assertThat(row(otherAggregate).published()).isTrue();
        assertThat(eventIds(SMALL, 1)).as("only the other aggregate's event, once")
                .containsExactly(otherAggregate.id());
    }

    /** Replicas of a service share its outbox; while one relays (holds the schema's relay lock), another sends nothing. */
    @Test
    void whileAnotherReplicaRelaysThisOneSendsNothing() throws Exception {
        OutboxRelay relay = new OutboxRelay(jdbc, tx, new KafkaTemplate<>(producers));
        try (Connection otherReplica = jdbc.getDataSource().getConnection();
                Statement statement = otherReplica.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(hashtext(current_schema() || '.event_outbox'))");
            EventEnvelope waiting = append(REPLICA, relay, "replica-test", "r", "0");
            assertThat(relay.publishBatch()).isZero();
            assertThat(row(waiting).published()).isFalse();
            assertThat(row(waiting).attempts()).isZero();
            statement.execute("SELECT pg_advisory_unlock(hashtext(current_schema() || '.event_outbox'))");
            assertThat(relay.publishBatch()).isEqualTo(1);
            assertThat(row(waiting).published()).isTrue();
        }
    }

    /** Appends a {@code ServiceStarted} keyed by {@code service}; {@code version} sets its size. */
    private EventEnvelope append(String topic, OutboxRelay relay, String service, String instance, String version) {
        EventOutbox outbox = new EventOutbox(jdbc, json, "relay-test", topic, relay);
        return tx.execute(status -> outbox.append(new ServiceStarted(service, instance, version)));
    }

    private record Row(boolean published, int attempts, String lastError) {
    }

    private static Row row(EventEnvelope envelope) {
        return jdbc.queryForObject("SELECT published_at IS NOT NULL, attempts, last_error FROM event_outbox WHERE event_id = ?",
                (rs, i) -> new Row(rs.getBoolean(1), rs.getInt(2), rs.getString(3)), envelope.id());
    }

    /** The event ids on the topic, read from the beginning until at least {@code atLeast} arrived (or 15 s passed). */
    private List<UUID> eventIds(String topic, int atLeast) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<UUID> ids = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(json.read(record.value()).id());
                }
                if (ids.size() >= atLeast && consumer.position(partition) >= consumer.endOffsets(List.of(partition)).get(partition)) {
                    return ids;
                }
            }
            throw new AssertionError("only " + ids.size() + " of at least " + atLeast + " records on " + topic + " within 15 s");
        }
    }
}
