package io.aviary.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.EventJson;
import io.aviary.common.events.lifecycle.ServiceStarted;
import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox relay against a real PostgreSQL (the kit's migrations) and a real in-JVM KRaft broker that does not
 * create topics on demand, so a row addressed to a topic that does not exist yet fails to send while its
 * neighbours succeed. Each {@code publishBatch()} call is one tick of the relay's loop.
 */
class OutboxRelayPartialBatchTest {

    private static final String SCHEMA = KitDatabase.SCHEMA;
    private static final String PRESENT = "aviary.present.events";
    private static final String LATE = "aviary.late.events";

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

        kafka = new EmbeddedKafkaKraftBroker(1, 1, PRESENT);
        kafka.brokerProperty("auto.create.topics.enable", "false");
        kafka.afterPropertiesSet();
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                // a send to a missing topic waits this long for its metadata, then fails that record only
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
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
    void theSentPrefixIsMarkedTheFailedRowCountsAttemptsWithItsErrorAndEverythingIsSentOnceTheTopicExists() {
        OutboxRelay relay = new OutboxRelay(jdbc, tx, new KafkaTemplate<>(producers));
        EventEnvelope first = append(PRESENT, relay, "a");
        EventEnvelope toMissingTopic = append(LATE, relay, "b");
        EventEnvelope behindIt = append(PRESENT, relay, "c");

        // tick 1: the first row goes out and is marked; the row whose topic is missing stops the prefix
        assertThat(relay.publishBatch()).isEqualTo(1);
        assertThat(row(first).published()).isTrue();
        assertThat(row(first).attempts()).isZero();
        Row failed = row(toMissingTopic);
        assertThat(failed.published()).isFalse();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).as("last_error names the failure").isNotBlank()
                .doesNotContain(json.write(toMissingTopic)).doesNotContain("\"payload\"").hasSizeLessThan(600);
        assertThat(row(behindIt).published()).as("not marked ahead of the failed row: order is kept").isFalse();
        assertThat(row(behindIt).attempts()).isZero();

        // tick 2: the failed row is now first; nothing can be marked, the relay reports it (and backs off)
        assertThatThrownBy(relay::publishBatch).isInstanceOf(IllegalStateException.class);
        assertThat(row(toMissingTopic).attempts()).as("a batch that sent nothing still counts the attempt").isEqualTo(2);
        assertThat(row(toMissingTopic).lastError()).isNotBlank();
        assertThat(row(behindIt).published()).isFalse();

        // tick 3: the topic exists now; both remaining rows go out, the error is cleared, the count kept
        kafka.addTopics(new NewTopic(LATE, 1, (short) 1));
        assertThat(relay.publishBatch()).isEqualTo(2);
        assertThat(row(toMissingTopic).published()).isTrue();
        assertThat(row(toMissingTopic).attempts()).isEqualTo(2);
        assertThat(row(toMissingTopic).lastError()).isNull();
        assertThat(row(behindIt).published()).isTrue();
        assertThat(relay.publishBatch()).as("nothing left").isZero();

        // on the wire: every event arrived; a row sent behind a failure may arrive twice (consumers dedupe on id)
        assertThat(eventIds(PRESENT, 2)).containsSubsequence(first.id(), behindIt.id()).containsOnly(first.id(), behindIt.id());
        assertThat(eventIds(LATE, 1)).containsExactly(toMissingTopic.id());
    }

    private EventEnvelope append(String topic, OutboxRelay relay, String instance) {
        EventOutbox outbox = new EventOutbox(jdbc, json, "relay-test", topic, relay);
        return tx.execute(status -> outbox.append(new ServiceStarted("relay-test", instance, "0")));
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
