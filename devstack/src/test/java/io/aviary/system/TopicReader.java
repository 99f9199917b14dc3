package io.aviary.system;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic from the beginning, as any other consumer of the event contracts would. */
final class TopicReader {

    private static final EventJson JSON = new EventJson();
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private TopicReader() {
    }

    /**
     * All raw record values currently in {@code topic}: every partition read to the end offset it had
     * when the read began. A read that cannot reach those ends in time fails, saying how far it got,
     * instead of passing a partial topic to the caller's assertions.
     */
    static List<String> rawRecords(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            List<String> behind = partitions.stream().filter(p -> consumer.position(p) < end.get(p))
                    .map(p -> p + " at " + consumer.position(p) + " of " + end.get(p)).toList();
            if (!behind.isEmpty()) {
                throw new AssertionError("read only " + values.size() + " records of " + topic + " in " + READ_TIMEOUT
                        + "; partitions short of their end offsets: " + behind);
            }
        }
        return values;
    }

    static List<EventEnvelope> envelopes(String bootstrap, String topic) {
        return rawRecords(bootstrap, topic).stream().map(JSON::read).toList();
    }

    /**
     * Polls the topic until {@code wanted} matches at least one envelope and returns the whole topic;
     * fails when the timeout passes first, listing the types and keys it read.
     */
    static List<EventEnvelope> awaitEnvelopes(String bootstrap, String topic, Predicate<EventEnvelope> wanted,
            Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<EventEnvelope> all = envelopes(bootstrap, topic);
        while (all.stream().noneMatch(wanted) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            all = envelopes(bootstrap, topic);
        }
        if (all.stream().noneMatch(wanted)) {
            throw new AssertionError("no wanted event on " + topic + " within " + timeout + "; read " + all.size()
                    + " envelopes, the last ones: " + all.subList(Math.max(0, all.size() - 20), all.size()).stream()
                            .map(e -> e.type() + " " + e.key()).toList());
        }
        return all;
    }
}
