package io.aviary.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.common.events.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provisioning against the real embedded broker: create, grow, never shrink; and no broker-side auto-creation. */
class TopicProvisionerTest {

    @TempDir
    static Path dir;

    static EmbeddedKafkaServer kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafkaServer.onFreePorts(dir.resolve("kafka"));
        kafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void createsEveryRegisteredTopicWithTheConfiguredPartitionsAndIsIdempotent() throws Exception {
        List<TopicProvisioner.Outcome> first = new TopicProvisioner(kafka.bootstrapServers(), 3).provisionAll();
        assertThat(first).extracting(TopicProvisioner.Outcome::topic).containsExactlyElementsOf(Topics.ALL);
        assertThat(first).allSatisfy(o -> assertThat(o).isInstanceOf(TopicProvisioner.Created.class));
        Topics.ALL.forEach(topic -> assertThat(partitions(topic)).isEqualTo(3));

        assertThat(new TopicProvisioner(kafka.bootstrapServers(), 3).provisionAll())
                .allSatisfy(o -> assertThat(o).isEqualTo(new TopicProvisioner.Unchanged(o.topic(), 3)));
    }

    @Test
    void growsATopicWithFewerPartitionsAndNeverShrinksOne() throws Exception {
        String topic = "devstack.grow-probe";
        assertThat(new TopicProvisioner(kafka.bootstrapServers(), 1).provision(List.of(topic)))
                .containsExactly(new TopicProvisioner.Created(topic, 1));

        assertThat(new TopicProvisioner(kafka.bootstrapServers(), 4).provision(List.of(topic)))
                .containsExactly(new TopicProvisioner.Grown(topic, 1, 4));
        assertThat(partitions(topic)).isEqualTo(4);

        List<TopicProvisioner.Outcome> fewer = new TopicProvisioner(kafka.bootstrapServers(), 2).provision(List.of(topic));
        assertThat(fewer).containsExactly(new TopicProvisioner.KeptLarger(topic, 4, 2));
        assertThat(fewer.getFirst().notable()).isTrue();
        assertThat(fewer.getFirst().describe()).contains("keeps its 4 partitions", "AVIARY_TOPIC_PARTITIONS=2", "never shrinks");
        assertThat(partitions(topic)).isEqualTo(4);
    }

    @Test
    void theEmbeddedBrokerCreatesNoTopicOnItsOwn() {
        Map<String, Object> conf = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(conf)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("devstack.never-provisioned", "k", "v")).get(10, TimeUnit.SECONDS))
                    .hasMessageContaining("not present in metadata");
        }
        assertThat(partitions("devstack.never-provisioned")).isZero();
    }

    @Test
    void partitionsComeFromTheEnvironmentWithADefaultOfThree() {
        assertThat(TopicProvisioner.partitionsFrom(Map.of())).isEqualTo(3);
        assertThat(TopicProvisioner.partitionsFrom(Map.of("AVIARY_TOPIC_PARTITIONS", " 6 "))).isEqualTo(6);
        assertThatThrownBy(() -> TopicProvisioner.partitionsFrom(Map.of("AVIARY_TOPIC_PARTITIONS", "0")))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> TopicProvisioner.partitionsFrom(Map.of("AVIARY_TOPIC_PARTITIONS", "many")))
                .hasMessageContaining("must be a number");
    }

    /** Partitions of {@code topic}, 0 when it does not exist. */
    private static int partitions(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions().size();
        } catch (ExecutionException e) {
            return 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
