package io.aviary.trading.app.session;

import io.aviary.trading.testing.TradingStore;
import io.aviary.trading.app.*;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.connectors.sim.SimConnectorFactory;
import io.aviary.connectors.sim.SimVenueProcess;
import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.ownership.Leases;
import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.OwnedElsewhere;
import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.failure.Unprocessable;
import io.aviary.kit.failure.UseCaseException;
import io.aviary.kit.web.CredentialsToken;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.domain.TradeCommand;
import io.aviary.trading.infra.AccountsClient;
import io.aviary.trading.infra.OrderRepository;
import io.aviary.trading.infra.PositionRepository;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * SessionAccess, SessionSynchronizer and OrderPlacement wired as the service wires them, over the real sim venue and a real PostgreSQL.
 * accounts-service's internal credential API is played by a small HTTP server in the test (the vault itself is
 * another service), so the test controls which credential revision exists and whether the vault answers at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionAccessAndPlacementTest {

    private static final TradingPair SOL = TradingPair.parse("SOL-USDT");
    private static final String TOKEN = "internal-test-token";
    private static final String CREDENTIALS_TOKEN = "credentials-test-token-0123456789abcdef0123456789";

    private SimVenueProcess sim;
    private TradingStore store;
    private HttpServer vault;
    private final Map<SessionKey, Stored> credentials = new ConcurrentHashMap<>();
    private final AtomicBoolean vaultDown = new AtomicBoolean();
    private JdbcTemplate jdbc;
    private SessionRegistry registry;
    private SessionJobs jobs;
    private SessionAccess access;
    private SessionSynchronizer synchronizer;
    private OrderPlacement placement;
    private SimpleMeterRegistry meters;

    private record Stored(long revision, Map<String, String> fields) {
    }

    @BeforeAll
    void start() throws IOException {
        sim = SimVenueProcess.start(Map.of("SIM_EXCHANGE_QUIET_MARKETS", "spot:SOL-USDT"));
        store = new TradingStore();
        jdbc = store.jdbc;
        vault = startVault();

        Replica a = replica("replica-a", Duration.ofSeconds(15));
        registry = a.registry;
        jobs = a.jobs;
        access = a.access;
        synchronizer = a.synchronizer;
        placement = a.placement;
        meters = a.meters;
    }

    /** One trading-service replica as the service wires it, on the shared store, vault and venue. */
    private record Replica(Leases leases, SessionRegistry registry, SessionJobs jobs, SessionAccess access,
            SessionSynchronizer synchronizer, OrderPlacement placement, SimpleMeterRegistry meters) implements AutoCloseable {
        @Override
        public void close() {
            synchronizer.close();
            jobs.close();
            registry.close();
            leases.close();
        }
    }

    private final List<Replica> replicas = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Replica replica(String id, Duration leaseTtl) {
        Clock clock = Clock.systemUTC();
        OrderRepository orders = store.orders;
        PositionRepository positions = store.positions;
        ConnectorRegistry connectors = new ConnectorRegistry(List.of(SimConnectorFactory.spot(sim.url())));
        BalanceChanges balanceChanges = new BalanceChanges(clock);
        SessionRegistry registry = new SessionRegistry(connectors, clock);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TradingMetrics metrics = new TradingMetrics(meters, registry);
        TradeRecorder recorder = store.recorder(clock, List.of(metrics));
        SessionJobs jobs = new SessionJobs(registry, balanceChanges, new Reconciler(orders, positions, store.watermarks,
                recorder, clock, 3, metrics), new BalancePoller(registry, store.outbox, store.tx, clock), Duration.ofHours(1), 60);
        SessionStreamListeners listeners = new SessionStreamListeners(recorder, jobs);
        AccountsClient accounts = new AccountsClient("http://127.0.0.1:" + vault.getAddress().getPort(), CREDENTIALS_TOKEN,
                new ServiceProperties("trading", TOKEN, null, null), JsonMapper.builder().build());
        Leases leases = new Leases(jdbc, id, leaseTtl, leaseTtl.dividedBy(5));
        SessionAccess access = new SessionAccess(accounts, registry, jobs, listeners, positions, balanceChanges,
                new SessionOwnership(leases));
        // never started: syncAll and takeOrphans by hand
        SessionSynchronizer synchronizer = new SessionSynchronizer(accounts, registry, access, new SessionOwnership(leases),
                Duration.ofHours(1));
        Replica replica = new Replica(leases, registry, jobs, access, synchronizer,
                new OrderPlacement(access, new TradingRulesCache(connectors, clock), orders, recorder, jobs, clock,
                        metrics), meters);
        replicas.add(replica);
        return replica;
    }

    @AfterAll
    void stop() throws IOException {
        replicas.forEach(Replica::close);
        if (vault != null) {
            vault.stop(0);
        }
        if (sim != null) {
            sim.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aSessionFollowsTheVaultRevisionAndIsClosedWhenItsCredentialIsGone() {
        SessionKey key = new SessionKey("carol", "sim");
        assertRefused(() -> access.current(key), NotFound.class);

        credentials.put(key, new Stored(1, SimApiKeys.create(sim.url(), "carol-1").credentials("sim")));
        LiveSession first = access.current(key);
        assertThat(first.credentialRevision()).isEqualTo(1);
        assertThat(access.current(key)).as("same revision: the open session").isSameAs(first);

        credentials.put(key, new Stored(2, SimApiKeys.create(sim.url(), "carol-2").credentials("sim")));
        LiveSession second = access.current(key);
        assertThat(second).isNotSameAs(first);
        assertThat(second.credentialRevision()).isEqualTo(2);

        vaultDown.set(true);
        assertThat(access.current(key)).as("vault down: the open session keeps trading").isSameAs(second);
        assertRefused(() -> access.current(new SessionKey("dave", "sim")), Unavailable.class);
        vaultDown.set(false);

        credentials.remove(key);
        assertRefused(() -> access.current(key), NotFound.class);
        assertThat(registry.find(key)).as("closed with its credential").isEmpty();
    }

    @Test
    void theFullComparisonOpensWhatIsStoredClosesWhatIsGoneAndChangesNothingWhileTheVaultIsDown() {
        SessionKey stored = new SessionKey("gina", "sim");
        SessionKey revoked = new SessionKey("hank", "sim");
        credentials.put(revoked, new Stored(1, SimApiKeys.create(sim.url(), "hank").credentials("sim")));
        access.current(revoked);
        credentials.remove(revoked); // deleted while its event was lost
        credentials.put(stored, new Stored(1, SimApiKeys.create(sim.url(), "gina").credentials("sim")));

        synchronizer.syncAll();
        assertThat(registry.find(stored)).as("opened from the vault's list").isPresent();
        assertThat(registry.find(revoked)).as("closed: no longer stored").isEmpty();

        credentials.remove(stored);
        vaultDown.set(true);
        synchronizer.syncAll();
        assertThat(registry.find(stored)).as("an outage of the vault is no revocation").isPresent();
        vaultDown.set(false);
        synchronizer.syncAll();
        assertThat(registry.find(stored)).isEmpty();
    }

    @Test
    void aRetryIsAnsweredFromTheRecordAndAReusedIdOrKeyForAnotherOrderIsRefused() {
        SessionKey key = new SessionKey("erin", "sim");
        credentials.put(key, new Stored(1, SimApiKeys.create(sim.url(), "erin").credentials("sim")));
        TradeCommand buy = limitBuy(key, "0.1", "erin-1", "key-erin-1");

        OrderPlacement.Placed placed = placement.place(buy);
        assertThat(placed.replayed()).isFalse();
        assertThat(placed.order().status()).isEqualTo(OrderStatus.OPEN);

        OrderPlacement.Placed retried = placement.place(buy);
        assertThat(retried.replayed()).isTrue();
        assertThat(retried.order().id()).isEqualTo(placed.order().id());
        assertThat(registry.find(key).orElseThrow().trading().openOrders(Optional.of(SOL))).as("one order on the venue")
                .hasSize(1);

        TradeCommand sameIdOtherSide = new TradeCommand(key, SOL, TradeType.SELL, OrderType.LIMIT, new BigDecimal("0.1"),
                new BigDecimal("150"), PositionAction.NIL, "erin-1", null);
        assertRefused(() -> placement.place(sameIdOtherSide), Conflict.class);

        UseCaseException reusedKey = assertRefused(() -> placement.place(limitBuy(key, "0.2", null, "key-erin-1")),
                Unprocessable.class);
        assertThat(reusedKey.getMessage()).contains("amount").doesNotContain("trading_pair");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE account_name = 'erin'", Long.class)).isEqualTo(1);
    }

    @Test
    void anOrderBelowTheVenuesMinimumIs400AndNeverRecorded() {
        SessionKey key = new SessionKey("frank", "sim");
        credentials.put(key, new Stored(1, SimApiKeys.create(sim.url(), "frank").credentials("sim")));

        assertRefused(() -> placement.place(limitBuy(key, "0.0000000001", "frank-1", null)), InvalidRequest.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE account_name = 'frank'", Long.class)).isZero();
    }

    @Test
    void placementsFillsAndSessionsAreCountedPerVenueWithoutAccountNames() {
        SessionKey key = new SessionKey("mia", "sim");
        credentials.put(key, new Stored(1, SimApiKeys.create(sim.url(), "mia").credentials("sim")));
        double sessions = meters.get("aviary.sessions").gauge().value();
        double placed = orders("placed");
        double rejected = orders("rejected");

        placement.place(new TradeCommand(key, SOL, TradeType.SELL, OrderType.LIMIT, new BigDecimal("0.1"),
                new BigDecimal("200"), PositionAction.NIL, "mia-1", null)); // rests: nobody else sells this high
        assertRefused(() -> placement.place(limitBuy(key, "0.0000000001", "mia-2", null)), InvalidRequest.class);
        placement.place(new TradeCommand(key, SOL, TradeType.SELL, OrderType.LIMIT, new BigDecimal("0.1"),
                new BigDecimal("200"), PositionAction.NIL, "mia-1", null)); // a retry answered from the record

        assertThat(orders("placed") - placed).isEqualTo(1.0);
        assertThat(orders("rejected") - rejected).isEqualTo(1.0);
        assertThat(meters.get("aviary.sessions").gauge().value() - sessions).isEqualTo(1.0);

        try (var taker = SimConnectorFactory.spot(sim.url()).trading(SimApiKeys.create(sim.url(), "mia-taker").credentials("sim"))) {
            taker.placeOrder(new io.aviary.connectors.model.OrderRequest("mia-taker-1", SOL, TradeType.BUY, OrderType.LIMIT,
                    new BigDecimal("0.1"), new BigDecimal("200"), PositionAction.NIL));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> meters.find("aviary.fills").tag("venue", "sim").counter() != null
                        && meters.get("aviary.fills").tag("venue", "sim").counter().count() >= 1.0);
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("mia")));
    }

    private double orders(String outcome) {
        var counter = meters.find("aviary.orders").tags("venue", "sim", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aSessionRunsOnOneReplicaAndMovesWhenItsOwnerStopsRenewing() {
        Duration ttl = Duration.ofSeconds(2);
        SessionKey key = new SessionKey("ivy", "sim");
        try (Replica owner = replica("replica-owner", ttl); Replica other = replica("replica-other", ttl)) {
        credentials.put(key, new Stored(1, SimApiKeys.create(sim.url(), "ivy").credentials("sim")));

        owner.access().current(key);
        assertRefused(() -> other.access().current(key), OwnedElsewhere.class);
        other.synchronizer().syncAll();
        assertThat(other.registry().find(key)).as("the other replica does not open it").isEmpty();

        owner.leases().close(); // the owner stops renewing, as when it is killed
        long stoppedAt = System.nanoTime();
        org.awaitility.Awaitility.await().atMost(ttl.plusSeconds(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            other.synchronizer().takeOrphans();
            return other.registry().find(key).isPresent();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isGreaterThanOrEqualTo(ttl.minusMillis(200));
        // fenced: the old owner, still holding its session object, refuses to trade with it and closes it
        assertRefused(() -> owner.access().current(key), OwnedElsewhere.class);
        assertThat(owner.registry().find(key)).isEmpty();
        assertThat(other.placement().place(limitBuy(key, "0.1", "ivy-1", null)).order().status()).isEqualTo(OrderStatus.OPEN);
        } finally {
            credentials.remove(key);
        }
    }

    @Test
    void aReplicaWhoseLeaseWasTakenOverClosesItsSession() {
        Duration ttl = Duration.ofSeconds(2);
        SessionKey key = new SessionKey("jack", "sim");
        try (Replica stalled = replica("replica-stalled", ttl); Replica taker = replica("replica-taker", ttl)) {
        credentials.put(key, new Stored(1, SimApiKeys.create(sim.url(), "jack").credentials("sim")));
        stalled.access().current(key);

        // the owner stalled past its lease's expiry (a long pause): another replica takes the session over
        jdbc.update("UPDATE ownership_lease SET expires_at = now() - interval '1 second' WHERE name = 'trading-session/jack/sim'");
        assertThat(taker.access().current(key)).isNotNull();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3))
                .until(() -> stalled.registry().find(key).isEmpty());
        assertRefused(() -> stalled.access().current(key), OwnedElsewhere.class);
        assertThat(jdbc.queryForObject("SELECT owner_id FROM ownership_lease WHERE name = 'trading-session/jack/sim'",
                String.class)).isEqualTo("replica-taker");
        } finally {
            credentials.remove(key);
        }
    }

    @Test
    void replicasSplitTheSessionsBetweenThem() {
        Map<SessionKey, Stored> others = new java.util.HashMap<>(credentials);
        credentials.clear(); // only this test's sessions are stored meanwhile
        // only this test's two replicas count as live (the other tests' replicas do not run their synchronizers)
        jdbc.update("DELETE FROM ownership_lease WHERE name LIKE 'trading-replica/%'");
        try (Replica first = replica("replica-first", Duration.ofSeconds(15));
                Replica second = replica("replica-second", Duration.ofSeconds(15))) {
        List<SessionKey> keys = List.of(new SessionKey("kim", "sim"), new SessionKey("lea", "sim"),
                new SessionKey("max", "sim"), new SessionKey("ned", "sim"));
        keys.forEach(k -> credentials.put(k, new Stored(1, SimApiKeys.create(sim.url(), k.accountName()).credentials("sim"))));

        first.synchronizer().syncAll(); // alone: it takes everything it may
        second.synchronizer().syncAll(); // joins: takes only what is free
        first.synchronizer().syncAll(); // now above its share: hands the surplus over
        second.synchronizer().syncAll(); // takes it

        java.util.Set<SessionKey> onFirst = first.registry().keys();
        java.util.Set<SessionKey> onSecond = second.registry().keys();
        assertThat(onFirst).doesNotContainAnyElementsOf(onSecond);
        assertThat(java.util.stream.Stream.concat(onFirst.stream(), onSecond.stream()).filter(keys::contains))
                .containsExactlyInAnyOrderElementsOf(keys);
        assertThat(onSecond.stream().filter(keys::contains)).isNotEmpty();
        } finally {
            credentials.clear();
            credentials.putAll(others);
        }
    }

    private static TradeCommand limitBuy(SessionKey key, String amount, String clientOrderId, String idempotencyKey) {
        return new TradeCommand(key, SOL, TradeType.BUY, OrderType.LIMIT, new BigDecimal(amount), new BigDecimal("150"),
                PositionAction.NIL, clientOrderId, idempotencyKey);
    }

    /** The use case refuses with this kind (the kit's handler picks the HTTP status for it). */
    private static UseCaseException assertRefused(Runnable call, Class<? extends UseCaseException> kind) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).as(String.valueOf(thrown)).isInstanceOf(kind);
        return (UseCaseException) thrown;
    }

    /** accounts-service's internal credential API: {@code /internal/credentials/{account}/{connector}[/revision]}. */
    private HttpServer startVault() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/credentials", exchange -> {
            try (exchange) {
                if (vaultDown.get()) {
                    reply(exchange, 503, "{\"detail\":\"database unavailable\"}");
                    return;
                }
                if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Aviary-Internal-Token"))) {
                    reply(exchange, 401, "{\"detail\":\"no token\"}");
                    return;
                }
                if (!CREDENTIALS_TOKEN.equals(exchange.getRequestHeaders().getFirst(CredentialsToken.HEADER))) {
                    reply(exchange, 403, "{\"detail\":\"no credentials token\"}");
                    return;
                }
                String[] parts = exchange.getRequestURI().getPath().split("/"); // "", internal, credentials, a, c[, revision]
                if (parts.length == 3) {
                    reply(exchange, 200, JsonMapper.builder().build().writeValueAsString(credentials.keySet().stream()
                            .map(k -> Map.of("account_name", k.accountName(), "connector_name", k.connectorName())).toList()));
                    return;
                }
                Stored stored = credentials.get(new SessionKey(parts[3], parts[4]));
                if (stored == null) {
                    reply(exchange, 404, "{\"detail\":\"Not Found\"}");
                } else if (parts.length == 6) {
                    reply(exchange, 200, "{\"revision\":" + stored.revision() + "}");
                } else {
                    reply(exchange, 200, JsonMapper.builder().build().writeValueAsString(
                            Map.of("revision", stored.revision(), "fields", stored.fields())));
                }
            }
        });
        server.start();
        return server;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
