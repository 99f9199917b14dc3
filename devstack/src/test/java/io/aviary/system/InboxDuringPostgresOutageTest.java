package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.Topics;
import io.aviary.common.events.trading.BalancesUpdated;
import io.aviary.common.events.trading.BalancesUpdated.AssetBalance;
import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, "never drop": accounts-service's inbox receives BalancesUpdated envelopes while its PostgreSQL is
 * stopped for two minutes, longer than the inbox's former retry window (60 s of summed back-off, then the record
 * was skipped for good). Once PostgreSQL is back, every one of them is in the portfolio history exactly once,
 * compared one-to-one through the gateway, and none of them was parked (a database outage is transient).
 */
class InboxDuringPostgresOutageTest {

    /** The example; well past the old window even counting the 5 s a failed connection attempt takes. */
    private static final Duration OUTAGE = Duration.ofSeconds(120);
    private static final int EVENTS_DURING_OUTAGE = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyEventThatArrivesWhilePostgresIsDownIsAppliedOnceAfterItReturns() throws Exception {
        RunningSuite suite = RunningSuite.get();
        Http api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        // Several accounts, so the events spread over the topic's partitions. No event is sent twice here: a copy
        // would stand in for the original if that were skipped (redeliveries are covered by the kit's tests).
        List<String> accounts = List.of(accountWithSimCredential(suite, api, "pgout_a"),
                accountWithSimCredential(suite, api, "pgout_b"), accountWithSimCredential(suite, api, "pgout_c"));
        // Observations hours back, away from the balance polls trading-service publishes for these credentials.
        Instant base = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        List<String> expected = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();

        try (EventPublisher events = new EventPublisher(suite.kafkaBootstrap(), "system-test")) {
            suite.stopPostgres();
            long stoppedAt = System.nanoTime();
            try {
                for (int i = 0; i < EVENTS_DURING_OUTAGE; i++) {
                    for (String account : accounts) {
                        Instant at = base.plusSeconds(i);
                        EventEnvelope sent = events.publish(Topics.TRADING,
                                new BalancesUpdated(account, "sim", List.of(usdt(1000 + i)), at));
                        ids.add(sent.id());
                        expected.add(item(at, account, 1000 + i));
                    }
                    // spread the arrivals over the outage: the last ones come long after the first began failing
                    sleepUntil(stoppedAt, OUTAGE.multipliedBy(i + 1).dividedBy(EVENTS_DURING_OUTAGE + 1));
                }
                sleepUntil(stoppedAt, OUTAGE);
            } finally {
                suite.startPostgres();
            }
        }

        Instant last = base.plusSeconds(EVENTS_DURING_OUTAGE - 1);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> assertThat(history(api, accounts, base, last))
                        .as("every event sent during the outage, each once").containsExactlyInAnyOrderElementsOf(expected));
        assertThat(count(suite, "SELECT count(*) FROM accounts.event_inbox WHERE event_id = ANY (?)", ids))
                .isEqualTo(ids.size());
        assertThat(count(suite, "SELECT count(*) FROM accounts.event_dead_letter WHERE event_id = ANY (?)", ids))
                .as("a database outage is retried, never parked").isZero();
    }

    private static String accountWithSimCredential(RunningSuite suite, Http api, String prefix) {
        String account = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/accounts/add-account?account_name=" + account).status()).isEqualTo(201);
        Http.Response added = api.postJson("/accounts/add-credential/" + account + "/sim",
                SimKeys.credentialJson(SimKeys.create(suite), "sim"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return account;
    }

    /** "timestamp account units" of every history item of these accounts between {@code from} and {@code to}. */
    private static List<String> history(Http api, List<String> accounts, Instant from, Instant to) {
        Http.Response response = api.postJson("/portfolio/history", "{\"account_names\":" + JSON.writeValueAsString(accounts)
                + ",\"limit\":1000,\"start_time\":\"" + from + "\",\"end_time\":\"" + to + "\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> items = new ArrayList<>();
        for (JsonNode item : JSON.readTree(response.body()).get("data")) {
            Instant at = Instant.parse(item.get("timestamp").asString().replace("+00:00", "Z"));
            item.get("state").properties().forEach(account -> account.getValue().get("sim").forEach(token ->
                    items.add(item(at, account.getKey(), token.get("units").decimalValue().intValueExact()))));
        }
        return items;
    }

    private static String item(Instant at, String account, int units) {
        return at + " " + account + " " + units;
    }

    private static AssetBalance usdt(int units) {
        return new AssetBalance("USDT", BigDecimal.valueOf(units), BigDecimal.valueOf(units));
    }

    private static void sleepUntil(long startNanos, Duration offset) throws InterruptedException {
        long remaining = startNanos + offset.toNanos() - System.nanoTime();
        if (remaining > 0) {
            Thread.sleep(Duration.ofNanos(remaining));
        }
    }

    private static long count(RunningSuite suite, String sql, List<UUID> ids) throws Exception {
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
