package io.aviary.kit.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Refuses to start a service whose topics are missing on a Kafka that answers. Services never create topics (they
 * are provisioned once, with the configured partitions, before any service runs: see ADR 0008); a service that ran
 * without them would silently receive nothing. When Kafka does not answer, the check is skipped with a warning:
 * the outbox and the consumer retry until it is back, as they do for any Kafka outage.
 */
public final class RequiredTopics implements InitializingBean {

    /** What operators run to create the topics; named in the failure. */
    public static final String PROVISIONING_COMMAND = "./run.sh --provision-topics";

    private static final Logger log = LoggerFactory.getLogger(RequiredTopics.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final Map<String, Object> adminConfig;
    private final List<String> topics;

    public RequiredTopics(Map<String, Object> adminConfig, List<String> topics) {
        this.adminConfig = new HashMap<>(adminConfig);
        this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS) / 2);
        this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        this.topics = List.copyOf(topics);
    }

    @Override
    public void afterPropertiesSet() {
        List<String> missing;
        try {
            missing = missing();
        } catch (TimeoutException | ExecutionException e) {
            log.warn("Kafka at {} did not answer within {} s; topics {} not checked ({})",
                    adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), TIMEOUT_SECONDS, topics, e.toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Kafka topic" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + (missing.size() > 1 ? " do" : " does") + " not exist on " + adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                    + ". Services never create topics: provision them first with " + PROVISIONING_COMMAND
                    + " (KAFKA_BOOTSTRAP_SERVERS, AVIARY_TOPIC_PARTITIONS), then start this service again.");
        }
        log.info("Kafka topics present: {}", topics);
    }

    private List<String> missing() throws InterruptedException, ExecutionException, TimeoutException {
        Admin admin = Admin.create(adminConfig);
        try {
            Map<String, KafkaFuture<org.apache.kafka.clients.admin.TopicDescription>> described =
                    admin.describeTopics(topics).topicNameValues();
            List<String> missing = new ArrayList<>();
            for (String topic : topics) {
                try {
                    described.get(topic).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                    missing.add(topic);
                }
            }
            return missing;
        } finally {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
