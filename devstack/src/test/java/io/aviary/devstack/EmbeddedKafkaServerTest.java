package io.aviary.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaServerTest {

    @TempDir
    Path dir;

    @Test
    void producesConsumesAndKeepsRecordsAcrossAStopAndStartOnTheSamePortAndData() throws Exception {
        List<Integer> ports = Ports.free(2);
        EmbeddedKafkaServer kafka = new EmbeddedKafkaServer(dir.resolve("kafka"), ports.get(0), ports.get(1));
        String topic = "devstack.probe";
        try {
            kafka.start();
            new TopicProvisioner(kafka.bootstrapServers(), 1).provision(List.of(topic)); // no automatic creation
            produce(kafka, topic, "before-1", "before-2", "before-3");
            assertThat(readAll(kafka, topic)).containsExactly("before-1", "before-2", "before-3");
            assertThat(committedGroupRead(kafka, topic, "probe-group")).containsExactly("before-1", "before-2", "before-3");

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(Ports.isFree(ports.get(0))).as("broker port released").isTrue();

            kafka.start();
            produce(kafka, topic, "after-1");
            assertThat(readAll(kafka, topic)).containsExactly("before-1", "before-2", "before-3", "after-1");
            // the consumer group's committed offset survived too: the group only sees the new record
            assertThat(committedGroupRead(kafka, topic, "probe-group")).containsExactly("after-1");

            // and once more, to be sure a second restart in the same JVM is no different
            kafka.stop();
            kafka.start();
            assertThat(readAll(kafka, topic)).hasSize(4);
        } finally {
            kafka.close();
        }
    }

    private static void produce(EmbeddedKafkaServer kafka, String topic, String... values) throws Exception {
        Map<String, Object> conf = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(conf)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, "k", value)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Every record of partition 0, from the beginning. */
    private static List<String> readAll(EmbeddedKafkaServer kafka, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConf(kafka, null))) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }

    /** What a consumer group reads from its committed position to the end; commits what it read. */
    private static List<String> committedGroupRead(EmbeddedKafkaServer kafka, String topic, String group) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConf(kafka, group))) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                if (!consumer.assignment().isEmpty()) {
                    TopicPartition tp = new TopicPartition(topic, 0);
                    if (consumer.position(tp) >= consumer.endOffsets(List.of(tp)).get(tp)) {
                        break;
                    }
                }
            }
            consumer.commitSync();
            return values;
        }
    }

    private static Map<String, Object> consumerConf(EmbeddedKafkaServer kafka, String group) {
        Map<String, Object> conf = new java.util.HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        if (group != null) {
            conf.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return conf;
    }
}
