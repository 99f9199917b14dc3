package io.aviary.devstack;

import io.aviary.common.events.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place Aviary's Kafka topics are made: every topic of {@link Topics#ALL} gets the configured number of
 * partitions before any service produces or consumes. Missing topics are created; a topic with fewer partitions is
 * grown; one with more keeps them (Kafka cannot shrink a topic, and its keys already spread over them). Services
 * never create topics: a consumer that subscribed to a topic the broker auto-created with one partition stayed on
 * that partition after the topic grew, and missed every event keyed elsewhere.
 *
 * <p>Used by the launcher right after Kafka is up (embedded or {@code KAFKA_BOOTSTRAP_SERVERS}) and by
 * {@code ./run.sh --provision-topics}, the init step for an external Kafka. Idempotent, safe to run concurrently.
 */
public final class TopicProvisioner {

    /** {@code AVIARY_TOPIC_PARTITIONS}: partitions of every Aviary topic. */
    public static final String PARTITIONS_VARIABLE = "AVIARY_TOPIC_PARTITIONS";
    public static final int DEFAULT_PARTITIONS = 3;

    // per instance, not static: partitionsFrom runs while the launcher configures itself, before it has pointed
    // logging at the data dir, and a static logger would initialise logback too early (a devstack.log in the cwd)
    private final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final String bootstrapServers;
    private final int partitions;

    public TopicProvisioner(String bootstrapServers, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException(PARTITIONS_VARIABLE + " must be at least 1, was " + partitions);
        }
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
    }

    /** What provisioning found or did to one topic. */
    public sealed interface Outcome {
        String topic();

        /** One line for a person. */
        String describe();

        /** True when a person should read it (a topic kept more partitions than configured). */
        default boolean notable() {
            return false;
        }
    }

    public record Created(String topic, int partitions) implements Outcome {
        @Override
        public String describe() {
            return topic + ": created with " + partitions + " partitions";
        }
    }

    public record Grown(String topic, int from, int to) implements Outcome {
        @Override
        public String describe() {
            return topic + ": grown from " + from + " to " + to + " partitions (consumer groups pick up the new ones)";
        }

        @Override
        public boolean notable() {
            return true;
        }
    }

    public record Unchanged(String topic, int partitions) implements Outcome {
        @Override
        public String describe() {
            return topic + ": has " + partitions + " partitions";
        }
    }

    /** More partitions than configured: left as is, since Kafka cannot remove partitions. */
    public record KeptLarger(String topic, int partitions, int configured) implements Outcome {
        @Override
        public String describe() {
            return topic + ": keeps its " + partitions + " partitions (" + PARTITIONS_VARIABLE + "=" + configured
                    + " is fewer; Kafka never shrinks a topic)";
        }

        @Override
        public boolean notable() {
            return true;
        }
    }

    /** {@code AVIARY_TOPIC_PARTITIONS} from {@code env}, {@value #DEFAULT_PARTITIONS} when unset. */
    public static int partitionsFrom(Map<String, String> env) {
        String value = env.get(PARTITIONS_VARIABLE);
        if (value == null || value.isBlank()) {
            return DEFAULT_PARTITIONS;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < 1) {
                throw new IllegalArgumentException(PARTITIONS_VARIABLE + " must be at least 1, was " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PARTITIONS_VARIABLE + " must be a number, not '" + value.strip() + "'");
        }
    }

    /** Provisions every topic of {@link Topics#ALL}. */
    public List<Outcome> provisionAll() throws Exception {
        return provision(Topics.ALL);
    }

    public List<Outcome> provision(List<String> topics) throws Exception {
        try (Admin admin = Admin.create(adminConfig())) {
            return provision(admin, topics);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    private List<Outcome> provision(Admin admin, List<String> topics) throws Exception {
        Map<String, Integer> current = partitionCounts(admin, topics);
        List<Outcome> outcomes = new ArrayList<>();
        for (String topic : topics) {
            Integer existing = current.get(topic);
            Outcome outcome = existing == null ? create(admin, topic)
                    : existing < partitions ? grow(admin, topic, existing)
                    : existing > partitions ? new KeptLarger(topic, existing, partitions)
                    : new Unchanged(topic, existing);
            log.info("Topic {}", outcome.describe());
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private Map<String, Object> adminConfig() {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "aviary-topic-provisioner",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }

    /** Partition count of each topic that exists; missing topics are absent from the map. */
    private Map<String, Integer> partitionCounts(Admin admin, List<String> topics) throws Exception {
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics).topicNameValues();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String topic : topics) {
            try {
                counts.put(topic, described.get(topic).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).partitions().size());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw unwrap(e, "describe " + topic);
                }
            }
        }
        return counts;
    }

    private Outcome create(Admin admin, String topic) throws Exception {
        // replication factor: the broker's default.replication.factor (1 for the embedded broker)
        NewTopic spec = new NewTopic(topic, Optional.of(partitions), Optional.empty());
        try {
            admin.createTopics(List.of(spec)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Created(topic, partitions);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return settleRace(admin, topic); // someone else created it meanwhile
            }
            throw unwrap(e, "create " + topic);
        }
    }

    private Outcome grow(Admin admin, String topic, int from) throws Exception {
        try {
            admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Grown(topic, from, partitions);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidPartitionsException) {
                return settleRace(admin, topic); // grown by someone else meanwhile
            }
            throw unwrap(e, "grow " + topic);
        }
    }

    /** After a concurrent provisioner won a race: what the topic has now, or the failure if still short. */
    private Outcome settleRace(Admin admin, String topic) throws Exception {
        Integer now = partitionCounts(admin, List.of(topic)).get(topic);
        if (now == null || now < partitions) {
            throw new IllegalStateException("Kafka topic " + topic + " changed while it was provisioned and has "
                    + (now == null ? "vanished" : now + " partitions") + "; run the provisioning again");
        }
        return now > partitions ? new KeptLarger(topic, now, partitions) : new Unchanged(topic, now);
    }

    private Exception unwrap(ExecutionException e, String what) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new IllegalStateException("Kafka at " + bootstrapServers + ": could not " + what + ": " + cause.getMessage(), cause);
    }
}
