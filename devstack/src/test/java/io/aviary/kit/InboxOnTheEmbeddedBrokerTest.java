package io.aviary.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aviary.devstack.EmbeddedKafkaServer;
import io.aviary.devstack.Ports;
import io.aviary.devstack.TopicProvisioner;
import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.events.EventInbox;
import io.aviary.kit.events.RequiredTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

/**
 * The kit's inbox container and topic check against the real embedded broker (in devstack, which has the broker):
 * a consumer group that subscribed before a topic grew gets the new partitions assigned by itself.
 */
class InboxOnTheEmbeddedBrokerTest {

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
    void theInboxReceivesFromPartitionsAddedAfterItSubscribed() throws Exception {
        ServiceProperties service = new ServiceProperties("grow-probe", "token", null, List.of());
        String topic = service.ownTopic();
        new TopicProvisioner(kafka.bootstrapServers(), 1).provision(List.of(topic));
        Queue<ConsumerRecord<String, String>> received = new ConcurrentLinkedQueue<>();
        KafkaMessageListenerContainer<String, String> container = new ServiceKitAutoConfiguration()
                .eventInboxContainer(kafkaProperties("grow-probe"), service, recordingInbox(received), DEFAULT_EVENTS);
        container.start();
        try {
            produce(topic, 0, "on-0");
            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(r -> r.value().equals("on-0")));

            assertThat(new TopicProvisioner(kafka.bootstrapServers(), 3).provision(List.of(topic)))
                    .containsExactly(new TopicProvisioner.Grown(topic, 1, 3));
            produce(topic, 2, "on-2");

            // metadata refresh (5 s) plus a rebalance; with the client default (5 min) this never arrives in time
            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(r -> r.value().equals("on-2")));
            assertThat(container.getAssignedPartitions()).hasSize(3);
        } finally {
            container.stop();
        }
    }

    @Test
    void aServiceRefusesToStartWhenItsTopicsAreMissingAndNamesTheProvisioningCommand() throws Exception {
        ServiceProperties service = new ServiceProperties("missing-probe", "token", null, List.of("aviary.other-probe.events"));
        new TopicProvisioner(kafka.bootstrapServers(), 1).provision(List.of(service.ownTopic()));
        RequiredTopics check = new ServiceKitAutoConfiguration().requiredTopics(kafkaProperties("missing-probe"), service);

        assertThatThrownBy(check::afterPropertiesSet)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aviary.other-probe.events")
                .hasMessageNotContaining(service.ownTopic())
                .hasMessageContaining("./run.sh --provision-topics");

        new TopicProvisioner(kafka.bootstrapServers(), 1).provision(List.of("aviary.other-probe.events"));
        check.afterPropertiesSet();
    }

    @Test
    void anUnreachableKafkaIsNotMistakenForMissingTopics() {
        KafkaProperties unreachable = new KafkaProperties();
        unreachable.setBootstrapServers(List.of("127.0.0.1:" + Ports.free()));
        RequiredTopics check = new RequiredTopics(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, unreachable.getBootstrapServers().getFirst()),
                List.of("aviary.accounts.events"));
        check.afterPropertiesSet(); // logs a warning; the outbox and consumer retry until Kafka is back
    }

    private static final io.aviary.kit.events.EventProperties DEFAULT_EVENTS =
            new io.aviary.kit.events.EventProperties(null, null, null, null, null, null);

    private static KafkaProperties kafkaProperties(String group) {
        KafkaProperties properties = new KafkaProperties();
        properties.setBootstrapServers(List.of(kafka.bootstrapServers()));
        properties.getConsumer().setGroupId(group);
        properties.getConsumer().setAutoOffsetReset("earliest");
        properties.getConsumer().setEnableAutoCommit(false);
        return properties;
    }

    /** An inbox that only records what reaches it (the idempotent storage is not the point here). */
    private static EventInbox recordingInbox(Queue<ConsumerRecord<String, String>> received) {
        return new EventInbox(null, null, null, List.of(), null, 1) {
            @Override
            public void receive(ConsumerRecord<String, String> record) {
                received.add(record);
            }
        };
    }

    private static void produce(String topic, int partition, String value) throws Exception {
        Map<String, Object> conf = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(conf)) {
            producer.send(new ProducerRecord<>(topic, partition, "k", value)).get(30, TimeUnit.SECONDS);
        }
    }
}
