package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.Topics;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two trading-service replicas behind the gateway (issue 17, ADR 0026). Sessions of several sim accounts spread over
 * both, each run by exactly one replica (the lease table and both replicas' session lists agree). One replica is
 * killed with SIGKILL while an account it runs is being filled: its sessions open on the other replica within the
 * lease time to live plus the orphan check plus the time to open them (asserted: {@link #HAND_OVER_BOUND}), every
 * order placed before the kill is stored exactly once and in the venue's state, every venue fill is stored once with
 * one TradeFilled event, and orders placed through the gateway keep working.
 */
class TradingReplicasFailoverTest {

    private static final String TRADING = "trading-service";
    private static final TradingPair SOL = TradingPair.parse("SOL-USDT");
    private static final Duration LEASE_TTL = Duration.ofSeconds(6);
    /** Lease time to live (6 s) + orphan check (2 s) + opening the sessions on a loaded 2-core machine (generous). */
    private static final Duration HAND_OVER_BOUND = Duration.ofSeconds(30);
    private static final int ACCOUNTS = 6;

    private static RunningSuite suite;

    @BeforeAll
    static void startTwoReplicas() {
        suite = Replicas.startTwoOf("replicas", List.of("gateway", "sim-exchange", "accounts-service", TRADING),
                List.of(TRADING), LEASE_TTL, Map.of("TRADING_SESSION_SYNC_INTERVAL", "3s"));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void sessionsSpreadRunOnceAndMoveToTheSurvivorWhenAReplicaIsKilled() throws Exception {
        List<TradingDesk> desks = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            desks.add(TradingDesk.open(suite, "desk_rep" + i, "sim"));
        }
        List<String> instances = suite.instanceUrls(TRADING);
        assertThat(instances).hasSize(2);

        // spread: both replicas run sessions, none runs on both, and each runs where the lease table says
        Map<String, Set<String>> running = await("sessions spread over both replicas").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> sessionsByInstance(instances), r -> r.values().stream().allMatch(s -> !s.isEmpty())
                        && r.values().stream().mapToInt(Set::size).sum() == ACCOUNTS);
        assertThat(union(running)).hasSize(ACCOUNTS);
        assertOneOwnerPerSession(running);
        System.out.println("[replicas] sessions per instance before the kill: " + running);

        // resting orders on every account, placed through the gateway (so on both replicas)
        Map<String, List<String>> placed = new LinkedHashMap<>();
        for (TradingDesk desk : desks) {
            String farAsk = desk.bestAsk("sim", "SOL-USDT").multiply(new BigDecimal("2")).setScale(2, RoundingMode.DOWN).toPlainString();
            placed.put(desk.account, new ArrayList<>(List.of(
                    desk.placed("sim", "SOL-USDT", "SELL", "LIMIT", "0.5", farAsk),
                    desk.placed("sim", "SOL-USDT", "SELL", "LIMIT", "0.5", farAsk))));
        }

        // the victim: the second replica; one of its accounts is filled while it dies
        int victim = 2;
        String victimUrl = instances.get(victim - 1);
        String survivorUrl = instances.get(0);
        TradingDesk filled = desks.stream().filter(d -> running.get(victimUrl).contains(d.account)).findFirst().orElseThrow();
        Instant testStart = Instant.now().minusSeconds(5);
        BigDecimal filledAsk = filled.bestAsk("sim", "SOL-USDT");
        List<String> toFill = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            toFill.add(filled.placed("sim", "SOL-USDT", "SELL", "LIMIT", "0.5", filledAsk.toPlainString()));
        }
        placed.get(filled.account).addAll(toFill);
        SimApiKeys.Created counterpartyKey = SimKeys.create(suite);
        TradingConnector counterparty = filled.venueSessionWith("sim", counterpartyKey);
        TradingConnector seller = filled.venueSession("sim");
        AtomicBoolean trading = new AtomicBoolean(true);
        AtomicInteger takerOrders = new AtomicInteger();
        Thread taker = Thread.ofVirtual().start(() -> {
            while (trading.get()) {
                filled.sweepThrough(counterparty, seller, "rt" + takerOrders.incrementAndGet(), filledAsk, toFill);
                pause(150);
            }
        });

        suite.killInstance(TRADING, victim);
        long killedAt = System.nanoTime();
        Set<String> moved = running.get(victimUrl);
        await("the killed replica's sessions open on the survivor").atMost(HAND_OVER_BOUND).pollInterval(Duration.ofMillis(250))
                // every session, not only the victim's: sessions the survivor was just handing over to even out the
                // spread are unowned when the victim dies, and the survivor takes them back as orphans
                .until(() -> sessionsOn(survivorUrl).containsAll(moved) && sessionsOn(survivorUrl).size() == ACCOUNTS);
        Duration handOver = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.println("[replicas] " + moved.size() + " session(s) handed over in " + handOver.toMillis() + " ms");
        assertThat(sessionsOn(survivorUrl)).hasSize(ACCOUNTS);
        assertOneOwnerPerSession(Map.of(survivorUrl, sessionsOn(survivorUrl)));

        // orders through the gateway keep working for every account (the dead instance's refusals are retried)
        for (TradingDesk desk : desks) {
            String farAsk = desk.bestAsk("sim", "SOL-USDT").multiply(new BigDecimal("2")).setScale(2, RoundingMode.DOWN).toPlainString();
            placed.get(desk.account).add(desk.placed("sim", "SOL-USDT", "SELL", "LIMIT", "0.5", farAsk));
        }
        int target = takerOrders.get() + 3;
        await("three taker sweeps after the hand-over").atMost(Duration.ofSeconds(60)).until(() -> takerOrders.get() >= target);
        trading.set(false);
        taker.join();
        counterparty.openOrders(Optional.of(SOL)).forEach(o -> counterparty.cancelOrder(SOL, o.clientOrderId()));

        // every order placed is stored exactly once, in the venue's state
        for (TradingDesk desk : desks) {
            TradingConnector venue = desk.venueSession("sim");
            for (String id : placed.get(desk.account)) {
                var onVenue = venue.orderStatus(SOL, id);
                String venueStatus = onVenue.state() == io.aviary.connectors.model.OrderState.CANCELED ? "CANCELLED"
                        : onVenue.state().name();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(storedStatuses(desk.account, id)).as(desk.account + " " + id).containsExactly(venueStatus));
            }
        }
        // every fill of the filled account stored once, with one TradeFilled event each
        List<Fill> venueFills = filled.venueSession("sim").trades(SOL, testStart);
        assertThat(venueFills).isNotEmpty();
        Map<String, BigDecimal> expected = venueFills.stream().collect(Collectors.toMap(Fill::tradeId, Fill::amount, BigDecimal::add));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(TradingCrashRecoveryTest.storedFills(suite, filled.account)).containsExactlyInAnyOrderEntriesOf(expected));
        Map<String, Long> filledEvents = TopicReader.envelopes(suite.kafkaBootstrap(), Topics.TRADING).stream()
                .filter(e -> e.type().equals("TradeFilled")).filter(e -> e.key().startsWith(filled.account + "/"))
                .collect(Collectors.groupingBy(e -> e.payload().get("tradeId").asString(), Collectors.counting()));
        assertThat(filledEvents.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(filledEvents.values()).allMatch(n -> n == 1);
    }

    /** Each replica's open sessions (accounts on sim), asked of the replica itself, by its base URL. */
    private static Map<String, Set<String>> sessionsByInstance(List<String> instances) {
        Map<String, Set<String>> byInstance = new LinkedHashMap<>();
        instances.forEach(url -> byInstance.put(url, sessionsOn(url)));
        return byInstance;
    }

    private static Set<String> sessionsOn(String instanceUrl) {
        Http.Response response = Http.to(instanceUrl).header("X-Aviary-Internal-Token", suite.internalToken()).get("/internal/sessions");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> accounts = JsonPath.read(response.body(), "$[?(@.connector_name == 'sim')].account_name");
        return accounts.stream().filter(a -> a.startsWith("desk_rep")).collect(Collectors.toCollection(HashSet::new));
    }

    private static Set<String> union(Map<String, Set<String>> running) {
        List<String> all = running.values().stream().flatMap(Set::stream).toList();
        assertThat(all).as("no session runs on two replicas").doesNotHaveDuplicates();
        return new HashSet<>(all);
    }

    /** The lease table names one owner per session, and it is the replica that runs it. */
    private static void assertOneOwnerPerSession(Map<String, Set<String>> running) throws Exception {
        Map<String, String> owners = new HashMap<>();
        Replicas.liveOwners(suite, "trading", "trading-session/desk_rep")
                .forEach((name, owner) -> owners.put(name.split("/")[1], owner));
        List<String> instances = suite.instanceUrls(TRADING);
        running.forEach((url, accounts) -> {
            String instanceId = Replicas.instanceId(TRADING, instances.indexOf(url) + 1);
            accounts.forEach(account -> assertThat(owners.get(account)).as("lease of " + account).isEqualTo(instanceId));
        });
    }

    private static List<String> storedStatuses(String account, String clientOrderId) throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                var query = db.prepareStatement(
                        "SELECT status FROM trading.orders WHERE account_name = ? AND client_order_id = ?")) {
            query.setString(1, account);
            query.setString(2, clientOrderId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
            }
        }
        return statuses;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
