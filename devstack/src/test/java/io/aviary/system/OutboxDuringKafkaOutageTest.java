package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.Topics;
import io.aviary.devstack.RunningSuite;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With Kafka stopped, writes still succeed (the event waits in the outbox, in the same
 * transaction as the write); when Kafka returns, each event is published exactly once.
 */
class OutboxDuringKafkaOutageTest {

    @Test
    void eventsWrittenWhileKafkaIsDownArriveOnceAfterItReturns() throws Exception {
        RunningSuite suite = RunningSuite.get();
        Http api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        String account = "outage_" + UUID.randomUUID().toString().substring(0, 8);

        String credential = SimKeys.credentialJson(SimKeys.create(suite), "sim");
        suite.stopKafka();
        try {
            assertThat(api.post("/accounts/add-account?account_name=" + account).status()).isEqualTo(201);
            assertThat(api.postJson("/accounts/add-credential/" + account + "/sim", credential).status()).isEqualTo(201);
            assertThat(AccountsThroughGatewayTest.countRows(
                    "SELECT count(*) FROM accounts.event_outbox WHERE event_key = '" + account + "' AND published_at IS NULL"))
                    .as("both events wait in the outbox while Kafka is down").isEqualTo(2);
        } finally {
            suite.startKafka();
        }

        List<EventEnvelope> events = TopicReader.awaitEnvelopes(suite.kafkaBootstrap(), Topics.ACCOUNTS,
                e -> e.key().equals(account) && e.type().equals("CredentialAdded"), Duration.ofSeconds(90));
        List<EventEnvelope> mine = events.stream().filter(e -> e.key().equals(account)).toList();
        assertThat(mine).extracting(EventEnvelope::type).containsExactly("AccountCreated", "CredentialAdded");
        assertThat(mine).extracting(EventEnvelope::id).doesNotHaveDuplicates();
        assertThat(AccountsThroughGatewayTest.countRows(
                "SELECT count(*) FROM accounts.event_outbox WHERE event_key = '" + account + "' AND published_at IS NULL"))
                .isZero();
    }
}
