package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.Topics;
import io.aviary.devstack.RunningSuite;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With Kafka stopped for longer than the producer's delivery timeout, writes still succeed (the event
 * waits in the outbox, in the same transaction as the write) and the relay's sends fail and are retried;
 * when Kafka returns, each event is published exactly once.
 */
class OutboxDuringKafkaOutageTest {

    /** What the relay logs each time a send to Kafka failed (OutboxRelay). */
    private static final String RELAY_FAILURE = "Outbox relay could not publish";

    @Test
    void eventsWrittenDuringAnOutageLongerThanTheDeliveryTimeoutArriveOnceAfterKafkaReturns() throws Exception {
        RunningSuite suite = RunningSuite.get();
        Http api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        String account = "outage_" + UUID.randomUUID().toString().substring(0, 8);
        Duration deliveryTimeout = producerDeliveryTimeout();

        String credential = SimKeys.credentialJson(SimKeys.create(suite), "sim");
        int failuresBefore = relayFailures(suite);
        suite.stopKafka();
        try {
            Instant written = Instant.now();
            assertThat(api.post("/accounts/add-account?account_name=" + account).status()).isEqualTo(201);
            assertThat(api.postJson("/accounts/add-credential/" + account + "/sim", credential).status()).isEqualTo(201);
            assertThat(pendingEvents(suite, account)).as("both events wait in the outbox while Kafka is down").isEqualTo(2);

            // Keep Kafka down until the producer has given up on these events at least once, and for longer
            // than its delivery timeout: what returns must be the relay's retry, not the producer's own.
            Instant outlasted = written.plus(deliveryTimeout).plusSeconds(2);
            await("the relay's failed send and an outage longer than the " + deliveryTimeout + " delivery timeout")
                    .atMost(deliveryTimeout.plusSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> relayFailures(suite) > failuresBefore && Instant.now().isAfter(outlasted));
            assertThat(pendingEvents(suite, account)).as("still waiting after the failed sends").isEqualTo(2);
        } finally {
            suite.startKafka();
        }

        List<EventEnvelope> events = TopicReader.awaitEnvelopes(suite.kafkaBootstrap(), Topics.ACCOUNTS,
                e -> e.key().equals(account) && e.type().equals("CredentialAdded"), Duration.ofSeconds(90));
        List<EventEnvelope> mine = events.stream().filter(e -> e.key().equals(account)).toList();
        assertThat(mine).extracting(EventEnvelope::type).containsExactly("AccountCreated", "CredentialAdded");
        assertThat(mine).extracting(EventEnvelope::id).doesNotHaveDuplicates();
        assertThat(pendingEvents(suite, account)).isZero();
    }

    /** The kit's producer delivery timeout, read from the defaults every service starts with. */
    private static Duration producerDeliveryTimeout() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = OutboxDuringKafkaOutageTest.class.getResourceAsStream("/aviary-kit-defaults.properties")) {
            assertThat(in).as("service-kit's aviary-kit-defaults.properties on the test classpath").isNotNull();
            defaults.load(in);
        }
        String millis = defaults.getProperty("spring.kafka.producer.properties.delivery.timeout.ms");
        assertThat(millis).as("the kit's producer delivery timeout").isNotNull();
        return Duration.ofMillis(Long.parseLong(millis.trim()));
    }

    private static int relayFailures(RunningSuite suite) {
        return suite.serviceLog("accounts-service").split(RELAY_FAILURE, -1).length - 1;
    }

    private static long pendingEvents(RunningSuite suite, String account) throws SQLException {
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                PreparedStatement query = db.prepareStatement(
                        "SELECT count(*) FROM accounts.event_outbox WHERE event_key = ? AND published_at IS NULL")) {
            query.setString(1, account);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
