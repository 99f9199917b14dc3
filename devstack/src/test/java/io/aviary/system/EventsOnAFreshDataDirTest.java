package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.aviary.common.events.Topics;
import io.aviary.devstack.RunningSuite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, "Events on a fresh data dir": on the first start of an empty data dir, trading-service subscribed to
 * {@code aviary.accounts.events} before it existed, the broker auto-created it with one partition, and
 * trading-service stayed on partition 0: credential events keyed to the other partitions never reached it.
 *
 * <p>Its own suite on an empty data dir, with trading-service's periodic session sync set to an hour, so that only
 * events can open or close a session. The services start one at a time, trading-service before accounts-service:
 * the order that lost the race on a first start (services may start in any order, under Kubernetes too), made
 * certain instead of left to chance. Accounts are chosen so that their event keys (the account name, Kafka's default
 * partitioner) cover every partition of the accounts topic. Sessions are observed only through trading-service's
 * {@code GET /internal/sessions}; never by trading, which may open a missing session on demand and hide the bug.
 */
class EventsOnAFreshDataDirTest {

    private static final Duration EVENT_DEADLINE = Duration.ofSeconds(2);
    private static final int ACCOUNTS_PER_PARTITION = 2;

    static RunningSuite suite;
    static Http api;
    static Http trading;

    @BeforeAll
    static void startOnAnEmptyDataDir() {
        suite = RunningSuite.startSeparate("fresh-events", Map.of("TRADING_SESSION_SYNC_INTERVAL", "1h"),
                List.of("sim-exchange", "trading-service", "accounts-service", "gateway"));
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        trading = Http.to(suite.serviceUrl("trading-service")).header("X-Aviary-Internal-Token", suite.internalToken());
        // trading-service's consumer is running once its own ServiceStarted came back through Kafka (same group and
        // rebalance as its subscription to the accounts topic); "up" alone does not wait for that
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Http.Response health = trading.get("/actuator/health");
            return health.status() == 200 && !"not yet".equals(
                    JsonPath.read(health.body(), "$.components.eventPath.details.roundTripSeenAt"));
        });
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void credentialAndAccountEventsOnEveryPartitionOpenAndCloseSessionsWithinTwoSeconds() throws Exception {
        int partitions = partitionsOf(Topics.ACCOUNTS);
        assertThat(partitions).as("AVIARY_TOPIC_PARTITIONS default").isEqualTo(3);
        Map<String, Integer> accounts = accountsCovering(partitions);
        assertThat(Set.copyOf(accounts.values())).hasSize(partitions);

        for (String account : accounts.keySet()) {
            assertThat(api.post("/accounts/add-account?account_name=" + account).status()).isEqualTo(201);
            Http.Response added = api.postJson("/accounts/add-credential/" + account + "/sim",
                    SimKeys.credentialJson(SimKeys.create(suite), "sim"));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            awaitSession(account, true, "CredentialAdded on partition " + accounts.get(account));
        }

        // per partition: one account loses its credential, the other is deleted with it
        List<String> byPartition = accounts.entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        for (int i = 0; i < byPartition.size(); i++) {
            String account = byPartition.get(i);
            if (i % 2 == 0) {
                assertThat(api.post("/accounts/delete-credential/" + account + "/sim").status()).isEqualTo(200);
                awaitSession(account, false, "CredentialRemoved on partition " + accounts.get(account));
            } else {
                assertThat(api.post("/accounts/delete-account?account_name=" + account).status()).isEqualTo(200);
                awaitSession(account, false, "AccountDeleted on partition " + accounts.get(account));
            }
        }
    }

    private static void awaitSession(String account, boolean open, String cause) {
        await(cause + " " + (open ? "opens" : "closes") + " the sim session of " + account + " within " + EVENT_DEADLINE)
                .atMost(EVENT_DEADLINE).pollInterval(Duration.ofMillis(100))
                .until(() -> openSessions().contains(account + "/sim") == open);
    }

    /** {@code account/connector} of every session trading-service has open. */
    private static Set<String> openSessions() {
        Http.Response sessions = trading.get("/internal/sessions");
        assertThat(sessions.status()).as(sessions.toString()).isEqualTo(200);
        List<Map<String, Object>> list = JsonPath.read(sessions.body(), "$");
        return list.stream().map(s -> s.get("account_name") + "/" + s.get("connector_name")).collect(Collectors.toSet());
    }

    /** Fresh account names, {@value #ACCOUNTS_PER_PARTITION} per partition, with the partition each one's events go to. */
    private static Map<String, Integer> accountsCovering(int partitions) {
        String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        Map<String, Integer> chosen = new LinkedHashMap<>();
        int[] perPartition = new int[partitions];
        for (int n = 0; chosen.size() < partitions * ACCOUNTS_PER_PARTITION; n++) {
            String account = "fresh_" + run + "_" + n;
            int partition = partitionOf(account, partitions);
            if (perPartition[partition] < ACCOUNTS_PER_PARTITION) {
                perPartition[partition]++;
                chosen.put(account, partition);
            }
        }
        return chosen;
    }

    /** Kafka's default partitioner for a keyed record: the account name is the key of every account event. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static int partitionsOf(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions().size();
        }
    }
}
