package io.aviary.trading.app.executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.PositionSide;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.paper.JdbcPaperLedger;
import io.aviary.connectors.paper.PaperConnectorFactory;
import io.aviary.connectors.paper.PaperSettings;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.connectors.sim.SimConnectorFactory;
import io.aviary.connectors.sim.SimVenueProcess;
import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.web.CredentialsToken;
import io.aviary.trading.app.AccountControl;
import io.aviary.trading.app.OrderPlacement;
import io.aviary.trading.app.TradeRecorder;
import io.aviary.trading.app.TradingRulesCache;
import io.aviary.trading.app.session.BalanceChanges;
import io.aviary.trading.app.session.BalancePoller;
import io.aviary.trading.app.session.Reconciler;
import io.aviary.kit.ownership.Leases;
import io.aviary.trading.app.session.SessionAccess;
import io.aviary.trading.app.session.SessionOwnership;
import io.aviary.trading.app.session.SessionJobs;
import io.aviary.trading.app.session.SessionRegistry;
import io.aviary.trading.app.session.SessionStreamListeners;
import io.aviary.trading.domain.ExecutorFilter;
import io.aviary.trading.domain.ExecutorLogEntry;
import io.aviary.trading.domain.ExecutorRow;
import io.aviary.trading.domain.PositionHold;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.infra.AccountsClient;
import io.aviary.trading.infra.ExecutorLogRepository;
import io.aviary.trading.infra.ExecutorRepository;
import io.aviary.trading.testing.TradingStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

/**
 * Executors created through the executors API's use cases, running on a real trading session (sim venue process,
 * quiet SOL-USDT where only this test trades), with their orders on trading-service's own order path (embedded
 * PostgreSQL) and their events in the outbox. A "maker" account quotes the book, a "taker" crosses it; fees: maker
 * 0.02 % and taker 0.05 % of what is received. accounts-service's credential API is a small HTTP server here. The
 * "exec" account also trades the quiet ETH-USDT perpetual ({@code sim_perpetual}), and the "desk" account is a paper
 * one ({@code sim_paper_trade}: fills against the same SOL-USDT book, balances in the same PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutorsSimTest {

    private static final TradingPair SOL = TradingPair.parse("SOL-USDT");
    private static final TradingPair ETH = TradingPair.parse("ETH-USDT");
    private static final String TOKEN = "internal-test-token";
    private static final String CREDENTIALS_TOKEN = "credentials-test-token-0123456789abcdef0123456789";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private SimVenueProcess sim;
    private TradingStore store;
    private HttpServer vault;
    private SessionRegistry registry;
    private Leases leases;
    private SessionJobs jobs;
    private ExecutorManagement executors;
    private ExecutorRepository repository;
    private SessionAccess access;
    private TradingRulesCache rules;
    private ConnectorRegistry connectors;
    private ExecutorOrderRouter router;
    private OrderPlacement placement;
    private TradeRecorder recorder;
    private AccountControl control;
    private TradingConnector maker;
    private TradingConnector taker;
    private TradingConnector perpMaker;
    /** The "exec" account on sim_perpetual, opened apart from its session: what the venue holds for it. */
    private TradingConnector execPerp;
    private final List<String> makerOrders = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** The vault's credentials: "account/connector" to its fields. */
    private final Map<String, Map<String, String>> credentials = new LinkedHashMap<>();
    private AccountsClient accounts;
    private final List<ExecutorLogStore> logStores = new ArrayList<>();

    @BeforeAll
    void start() throws IOException {
        sim = SimVenueProcess.start(Map.of("SIM_EXCHANGE_QUIET_MARKETS", "spot:SOL-USDT,spot:ETH-USDT,perp:ETH-USDT"));
        store = new TradingStore();
        SimApiKeys.Created exec = SimApiKeys.create(sim.url(), "exec");
        credentials.put("exec/sim", exec.credentials("sim"));
        credentials.put("exec/sim_perpetual", exec.credentials("sim_perpetual"));
        credentials.put("desk/sim_paper_trade", Map.of()); // paper needs no credential fields
        SimApiKeys.Created arb = SimApiKeys.create(sim.url(), "arb"); // the two-market executors' own account
        credentials.put("arb/sim", arb.credentials("sim"));
        credentials.put("arb/sim_perpetual", arb.credentials("sim_perpetual"));
        vault = startVault();
        Clock clock = Clock.systemUTC();
        router = new ExecutorOrderRouter();
        recorder = store.recorder(clock, List.of(router));
        SimConnectorFactory factory = SimConnectorFactory.spot(sim.url());
        SimConnectorFactory perpetual = SimConnectorFactory.perpetual(sim.url());
        connectors = new ConnectorRegistry(List.of(factory, perpetual, new PaperConnectorFactory(factory,
                Optional.of(new JdbcPaperLedger(store.jdbc.getDataSource())), PaperSettings.defaults())));
        BalanceChanges balanceChanges = new BalanceChanges(clock);
        registry = new SessionRegistry(connectors, clock);
        jobs = new SessionJobs(registry, balanceChanges, new Reconciler(store.orders, store.positions, store.watermarks,
                recorder, clock, 3, TradingStore.unreadMetrics()), new BalancePoller(registry, store.outbox, store.tx, clock), Duration.ofHours(1), 60);
        accounts = new AccountsClient("http://127.0.0.1:" + vault.getAddress().getPort(),
                CREDENTIALS_TOKEN, new ServiceProperties("trading", TOKEN, null, null), JsonMapper.builder().build());
        leases = new Leases(store.jdbc, "executors-test", Duration.ofSeconds(15), Duration.ofSeconds(5));
        access = new SessionAccess(accounts, registry, jobs, new SessionStreamListeners(recorder, jobs),
                store.positions, balanceChanges, new SessionOwnership(leases));
        rules = new TradingRulesCache(connectors, clock);
        placement = new OrderPlacement(access, rules, store.orders, recorder, jobs, clock,
                TradingStore.unreadMetrics());
        control = new AccountControl(access, store.orders, recorder, rules, jobs);
        repository = new ExecutorRepository(store.jdbc);
        executors = management(Duration.ofSeconds(30));
        maker = factory.trading(SimApiKeys.create(sim.url(), "maker").credentials("sim"));
        taker = factory.trading(SimApiKeys.create(sim.url(), "taker").credentials("sim"));
        perpMaker = perpetual.trading(SimApiKeys.create(sim.url(), "perp-maker").credentials("sim_perpetual"));
        execPerp = perpetual.trading(credentials.get("exec/sim_perpetual"));
    }

    /** An ExecutorManagement on this test's sessions and database, as a (re)started trading-service has one. */
    private ExecutorManagement management(Duration staleAfter) {
        return management(access, staleAfter);
    }

    /** The same on the sessions of {@code sessions}; each with its own log store, as each process has. */
    private ExecutorManagement management(SessionAccess sessions, Duration staleAfter) {
        ExecutorLogStore logs = new ExecutorLogStore(new ExecutorLogRepository(store.jdbc), store.tx, 200,
                Duration.ofMillis(250));
        logStores.add(logs);
        return new ExecutorManagement(sessions, rules, connectors, repository,
                new ExecutorRecords(repository, store.outbox, store.tx), router, placement, recorder, control, logs,
                Clock.systemUTC(), Duration.ofMillis(250), staleAfter, VenueFees.DEFAULT);
    }

    /** A second trading-service replica on the same database: no session open, its own lease owner. */
    private record Replica(ExecutorManagement executors, Leases leases) implements AutoCloseable {
        @Override
        public void close() {
            executors.close();
            leases.close();
        }
    }

    private Replica replicaWithoutTheLease() {
        Clock clock = Clock.systemUTC();
        Leases otherLeases = new Leases(store.jdbc, "executors-test-replica-2", Duration.ofSeconds(15),
                Duration.ofSeconds(5));
        SessionAccess otherSessions = new SessionAccess(accounts, new SessionRegistry(connectors, clock), jobs,
                new SessionStreamListeners(recorder, jobs), store.positions, new BalanceChanges(clock),
                new SessionOwnership(otherLeases));
        return new Replica(management(otherSessions, Duration.ofSeconds(30)), otherLeases);
    }

    @AfterAll
    void stop() throws IOException {
        List<AutoCloseable> all = new ArrayList<>(logStores);
        all.addAll(Arrays.asList(executors, jobs, registry, leases, maker, taker, perpMaker, execPerp, sim, store));
        for (AutoCloseable c : all) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        if (vault != null) {
            vault.stop(0);
        }
    }

    /**
     * BUY 0.1 SOL at 99.50 with a 1 % MARKET take profit: the open order rests on the venue and in trading's orders;
     * the taker's sell fills it (maker fee 0.00002 SOL = 0.00199 USDT); the book moves to 101.50 / 102.50, so the
     * PnL at the best bid is (10.15 − 9.95 − 0.00199) / 9.95 = 1.99 % and the executor sells 0.1 at market into
     * 101.50 (taker fee 0.005075 USDT): net PnL 0.2 − 0.007065 = 0.192935, 1.939 %, volume 20.1.
     */
    @Test
    void aPositionExecutorOpensOnTheSessionAndClosesAtItsTakeProfit() {
        quote("99.00", "101.00");
        ExecutorRow created = executors.create("exec", null, position("0.1", "99.5", Map.of("take_profit", "0.01")));
        assertThat(created.status()).isEqualTo("RUNNING");
        String id = created.executorId();
        List<String> orders = repository.orderIds(id);
        assertThat(orders).hasSize(1);
        assertThat(orderStatus(orders.getFirst())).as("the open order is one of trading's orders").isEqualTo("OPEN");

        market(taker, TradeType.SELL, "0.1");
        await().atMost(WAIT).until(() -> executors.get(id).trading());

        quote("101.50", "102.50");
        await().atMost(WAIT).until(() -> "TERMINATED".equals(executors.get(id).status()));
        ExecutorRow done = executors.get(id);
        assertThat(done.closeType()).isEqualTo("TAKE_PROFIT");
        assertThat(done.cumFeesQuote().doubleValue()).isCloseTo(0.00199 + 0.005075, within(1e-9));
        assertThat(done.netPnlQuote().doubleValue()).isCloseTo(0.2 - 0.007065, within(1e-9));
        assertThat(done.netPnlPct().doubleValue()).isCloseTo((0.2 - 0.007065) / 9.95, within(1e-9));
        assertThat(done.filledAmountQuote().doubleValue()).isCloseTo(20.1, within(1e-9));
        List<String> all = repository.orderIds(id);
        assertThat(all).hasSize(2);
        assertThat(all).allSatisfy(o -> assertThat(orderStatus(o)).isEqualTo("FILLED"));

        assertThat(eventTypes(id)).startsWith("ExecutorStarted").endsWith("ExecutorStopped")
                .contains("ExecutorUpdated");
        assertThat(store.jdbc.queryForObject("SELECT envelope FROM event_outbox WHERE event_type = "
                + "'ExecutorStopped' AND event_key LIKE ?", String.class, "%" + id)).contains("TAKE_PROFIT");
    }

    /** Stopped with keep_position=true after its open filled: POSITION_HOLD and a hold of 0.1 SOL at 99.50. */
    @Test
    void aStopThatKeepsThePositionLeavesAPositionHold() {
        quote("99.00", "101.00");
        String id = executors.create("exec", "holder", position("0.1", "99.5", Map.of())).executorId();
        market(taker, TradeType.SELL, "0.1");
        await().atMost(WAIT).until(() -> executors.get(id).trading());

        assertThat(executors.stop(id, true).status()).isEqualTo("stopping");
        await().atMost(WAIT).until(() -> "TERMINATED".equals(repository.find(id).orElseThrow().status()));
        assertThat(executors.get(id).closeType()).isEqualTo("POSITION_HOLD");

        PositionHold hold = executors.hold("exec", "sim", "SOL-USDT", "holder");
        assertThat(hold.netAmountBase()).isEqualByComparingTo("0.1");
        assertThat(hold.buyBreakevenPrice()).isEqualByComparingTo("99.5");
        assertThat(hold.positionSide()).isEqualTo("LONG");
        assertThat(hold.executorIds()).containsExactly(id);
        assertThat(hold.unrealizedPnl(new BigDecimal("100"))).isEqualByComparingTo("0.05");

        assertThat(catchThrowable(() -> executors.stop(id, false))).as("a terminated executor").isInstanceOf(Conflict.class);
        executors.clearHold("exec", "sim", "SOL-USDT", "holder");
        assertThat(catchThrowable(() -> executors.hold("exec", "sim", "SOL-USDT", "holder"))).isInstanceOf(NotFound.class);
    }

    /**
     * An arbitrage executor on two sessions of one account ("arb", so "exec"'s perpetual position stays its own): it
     * buys ETH on sim spot and sells it on sim_perpetual.
     * With spot's ask at 3000.00 and the perpetual's bid at 3004.50 the gap is 0.15 %, above its 0.1 % minimum, but
     * not net of both taker fees (0.05 % each, the venue's defaults in {@link VenueFees#DEFAULT}): 0.05 %, so its
     * start places nothing. The perpetual's bid moves to 3030.00 (1 %): at its next tick it sends both legs at
     * market, BUY 0.01 ETH on sim (fills at 3000.00, taker fee 0.05 % of 0.01 ETH = 0.000005 ETH = 0.015 USDT) and
     * SELL 0.01 on sim_perpetual (fills at 3030.00, fee 0.05 % of 30.30 = 0.01515 USDT): COMPLETED with net PnL
     * 30.30 − 30.00 − 0.03015 = 0.26985 USDT, each leg an order of trading's on its own session.
     */
    @Test
    void anArbitrageExecutorCompletesBothLegsOnTwoSessionsWhenAPriceGapOpens() {
        ethQuotes.add(limit(maker, ETH, TradeType.SELL, "0.1", "3000.00"));
        ethQuotes.add(limit(maker, ETH, TradeType.BUY, "0.1", "2990.00"));
        String perpBid = limit(perpMaker, ETH, TradeType.BUY, "0.1", "3004.50");
        perpQuotes.add(perpBid);
        perpQuotes.add(limit(perpMaker, ETH, TradeType.SELL, "0.1", "3040.00"));
        Map<String, Object> config = Map.of("type", "arbitrage_executor",
                "buying_market", Map.of("connector_name", "sim", "trading_pair", "ETH-USDT"),
                "selling_market", Map.of("connector_name", "sim_perpetual", "trading_pair", "ETH-USDT"),
                "order_amount", "0.01", "min_profitability", "0.001");
        ExecutorRow created = executors.create("arb", "arb", config);
        String id = created.executorId();
        assertThat(created.status()).isEqualTo("RUNNING");
        assertThat(created.connectorName()).isEqualTo("sim");
        assertThat(repository.orderIds(id)).as("no gap worth taking net of fees at its start").isEmpty();
        assertThat(created.customInfoJson()).contains("\"tx_cost_pct\":\"0.001\"")
                .contains("\"profit_pct\":\"0.0005\"");

        perpMaker.cancelOrder(ETH, perpBid);
        perpQuotes.add(limit(perpMaker, ETH, TradeType.BUY, "0.1", "3030.00"));
        await().atMost(WAIT).until(() -> "TERMINATED".equals(repository.find(id).orElseThrow().status()));
        ExecutorRow done = executors.get(id);
        assertThat(done.closeType()).isEqualTo("COMPLETED");
        assertThat(done.cumFeesQuote().doubleValue()).isCloseTo(0.015 + 0.01515, within(1e-9));
        assertThat(done.netPnlQuote().doubleValue()).isCloseTo(30.30 - 30.00 - 0.03015, within(1e-9));
        assertThat(done.filledAmountQuote().doubleValue()).isCloseTo(60.30, within(1e-9));
        List<String> legs = repository.orderIds(id);
        assertThat(legs).hasSize(2).allSatisfy(o -> assertThat(orderStatus(o)).isEqualTo("FILLED"));
        assertThat(store.jdbc.queryForList("SELECT connector_name || ' ' || trade_type FROM orders WHERE "
                + "client_order_id IN (?, ?) ORDER BY connector_name", String.class, legs.get(0), legs.get(1)))
                .containsExactly("sim BUY", "sim_perpetual SELL");
    }

    /**
     * An XEMM executor on two sessions of one account: maker BUY 0.01 ETH on sim spot, hedged by a SELL on
     * sim_perpetual. Costs 0.02 % (maker) + 0.05 % (taker) = 0.07 %; target 0.2 %, band [0.1 %, 0.4 %]. Against the
     * perpetual's bid 3030.00 its maker order rests at 3030 / 1.0027 = 3021.84. The bid moves to 3045.00: that order
     * would earn 0.77 % net, above 0.4 %, so it is cancelled and re-placed at 3045 / 1.0027 = 3036.80. The taker
     * account sells 0.01 into it on spot; the executor hedges at market on the perpetual (3045.00): COMPLETED, net
     * PnL = 30.45 − 0.01·maker price − fees (maker 0.02 % of 0.01 ETH at the maker price, taker 0.05 % of 30.45).
     */
    @Test
    void anXemmExecutorRefreshesItsMakerOrderOnDriftAndHedgesItsFillOnTheOtherSession() {
        ethQuotes.add(limit(maker, ETH, TradeType.BUY, "0.1", "2990.00"));
        ethQuotes.add(limit(maker, ETH, TradeType.SELL, "0.1", "3100.00"));
        String perpBid = limit(perpMaker, ETH, TradeType.BUY, "0.1", "3030.00");
        perpQuotes.add(perpBid);
        perpQuotes.add(limit(perpMaker, ETH, TradeType.SELL, "0.1", "3100.00"));
        Map<String, Object> config = Map.of("type", "xemm_executor",
                "buying_market", Map.of("connector_name", "sim", "trading_pair", "ETH-USDT"),
                "selling_market", Map.of("connector_name", "sim_perpetual", "trading_pair", "ETH-USDT"),
                "maker_side", "BUY", "order_amount", "0.01", "min_profitability", "0.001",
                "target_profitability", "0.002", "max_profitability", "0.004");
        String id = executors.create("arb", "xemm", config).executorId();
        List<String> first = repository.orderIds(id);
        assertThat(first).hasSize(1);
        assertThat(orderPrice(first.getFirst()).doubleValue()).isCloseTo(3030 / 1.0027, within(0.01));

        perpMaker.cancelOrder(ETH, perpBid);
        perpQuotes.add(limit(perpMaker, ETH, TradeType.BUY, "0.1", "3045.00"));
        await().atMost(WAIT).until(() -> repository.orderIds(id).size() == 2 // noted before trading records it:
                && store.jdbc.queryForList("SELECT status FROM orders WHERE client_order_id = ?", String.class,
                        repository.orderIds(id).get(1)).contains("OPEN"));
        await().atMost(WAIT).until(() -> "CANCELLED".equals(orderStatus(first.getFirst())));
        String makerOrder = repository.orderIds(id).get(1);
        assertThat(orderPrice(makerOrder).doubleValue()).isCloseTo(3045 / 1.0027, within(0.01));

        market(taker, ETH, TradeType.SELL, "0.01");
        await().atMost(WAIT).until(() -> "TERMINATED".equals(repository.find(id).orElseThrow().status()));
        ExecutorRow done = executors.get(id);
        assertThat(done.closeType()).isEqualTo("COMPLETED");
        double makerPrice = store.jdbc.queryForObject("SELECT price FROM trades WHERE client_order_id = ?",
                BigDecimal.class, makerOrder).doubleValue(); // its limit price, on the venue's tick
        assertThat(makerPrice).isCloseTo(3045 / 1.0027, within(0.01));
        double fees = 0.0002 * 0.01 * makerPrice + 0.0005 * 30.45;
        assertThat(done.cumFeesQuote().doubleValue()).isCloseTo(fees, within(1e-9));
        assertThat(done.netPnlQuote().doubleValue()).isCloseTo(30.45 - 0.01 * makerPrice - fees, within(1e-9));
        List<String> orders = repository.orderIds(id);
        assertThat(orders).hasSize(3);
        assertThat(store.jdbc.queryForObject("SELECT connector_name || ' ' || trade_type || ' ' || order_type || ' '"
                + " || status FROM orders WHERE client_order_id = ?", String.class, orders.get(2)))
                .isEqualTo("sim_perpetual SELL MARKET FILLED");
    }

    /** The ETH quotes of the two-market tests, cancelled after each so the next one starts from an empty book. */
    private final List<String> ethQuotes = new ArrayList<>();
    private final List<String> perpQuotes = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void cancelEthQuotes() {
        ethQuotes.forEach(id -> cancelQuietly(maker, ETH, id));
        perpQuotes.forEach(id -> cancelQuietly(perpMaker, ETH, id));
        ethQuotes.clear();
        perpQuotes.clear();
    }

    private BigDecimal orderPrice(String clientOrderId) {
        return store.jdbc.queryForObject("SELECT price FROM orders WHERE client_order_id = ?", BigDecimal.class,
                clientOrderId);
    }

    /** Three resting executors of one controller, searched two per page with the cursor, then stopped. */
    @Test
    void searchFiltersAndPagesNewestFirst() {
        quote("99.00", "101.00");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(executors.create("exec", "paging", position("0.1", "90", Map.of())).executorId());
        }
        ExecutorFilter first = filter(List.of("paging"), 2, null, null);
        ExecutorManagement.SearchPage page1 = executors.search(first);
        assertThat(page1.rows()).extracting(ExecutorRow::executorId).containsExactly(created.get(2), created.get(1));
        assertThat(page1.hasMore()).isTrue();
        assertThat(page1.total()).isEqualTo(3);
        ExecutorRow last = page1.rows().getLast();
        ExecutorManagement.SearchPage page2 = executors.search(filter(List.of("paging"), 2, last.createdAt(),
                last.executorId()));
        assertThat(page2.rows()).extracting(ExecutorRow::executorId).containsExactly(created.get(0));
        assertThat(page2.hasMore()).isFalse();
        assertThat(page2.nextCursor()).isNull();
        assertThat(executors.search(new ExecutorFilter(List.of(), List.of("binance"), List.of(), List.of(), null,
                List.of("paging"), 10, null, null)).rows()).isEmpty();

        created.forEach(id -> executors.stop(id, false));
        await().atMost(WAIT).until(() -> created.stream().allMatch(id -> "TERMINATED".equals(
                repository.find(id).orElseThrow().status())));
        assertThat(created).allSatisfy(id -> {
            assertThat(repository.find(id).orElseThrow().closeType()).isEqualTo("EARLY_STOP");
            assertThat(orderStatus(repository.orderIds(id).getFirst())).isEqualTo("CANCELLED");
        });
        assertThat(executors.search(filter(List.of("paging"), 10, null, null)).rows())
                .allSatisfy(r -> assertThat(r.status()).isEqualTo("TERMINATED"));
    }

    /**
     * An executor stored as running whose host stopped beating (the service was killed) is marked AWAITING_RESUME
     * by the sweep, never reported as running, and a stop explains why it cannot act; a live one is left alone.
     */
    @Test
    void anExecutorWhoseHostDiedAwaitsResumeInsteadOfClaimingToRun() {
        Instant longAgo = Instant.now().minusSeconds(600);
        ExecutorRow orphan = new ExecutorRow("orphan-1", "position_executor", "exec", "sim", "SOL-USDT", "main", "BUY",
                "RUNNING", null, true, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                "{\"type\": \"position_executor\"}", null, 0, null, longAgo, null);
        repository.insert(orphan, longAgo);
        quote("99.00", "101.00");
        String live = executors.create("exec", "alive", position("0.1", "90", Map.of())).executorId();

        executors.sweep();

        assertThat(repository.find("orphan-1").orElseThrow().status()).isEqualTo(ExecutorRow.AWAITING_RESUME);
        assertThat(repository.find(live).orElseThrow().status()).isEqualTo("RUNNING");
        assertThat(catchThrowable(() -> executors.stop("orphan-1", false))).isInstanceOf(Conflict.class)
                .hasMessageContaining("awaits resume");
        executors.stop(live, false);
    }

    /**
     * The crash of issue 18: BUY 0.1 SOL at 100.00 with a 1 % LIMIT take profit. The taker's sell fills the open
     * (maker fee 0.00002 SOL = 0.002 USDT) and the executor rests its take profit, SELL 0.1 at 101.00. Its host then
     * dies as a SIGKILL leaves it (threads gone, nothing stopped, the row still RUNNING); while nobody runs it the
     * taker buys 0.1 and fills the take profit (maker fee 0.02 % of 10.10 = 0.00202 USDT). A new ExecutorManagement
     * on the same database marks it AWAITING_RESUME once its heartbeat is stale, resumes it from its checkpoint,
     * reconciles the take profit's fill with the venue (counted once) and it closes with TAKE_PROFIT: net PnL
     * 0.1 − 0.00402 = 0.09598 USDT, 0.9598 % of 10.00, volume 20.10.
     */
    @Test
    void anExecutorWhoseHostCrashedIsResumedAndClosesAtItsTakeProfit() {
        quote("99.00", "101.00");
        ExecutorManagement crashed = management(Duration.ofSeconds(2));
        String id = crashed.create("exec", "resumed", position("0.1", "100",
                Map.of("take_profit", "0.01", "take_profit_order_type", "LIMIT"))).executorId();
        quote("99.00", "102.00"); // the maker's ask leaves 101, so the taker's buy below lifts the take profit
        market(taker, TradeType.SELL, "0.1");
        await().atMost(WAIT).until(() -> repository.orderIds(id).size() == 2 && storedOrders(id) == 2);
        String takeProfit = repository.orderIds(id).get(1);
        assertThat(orderStatus(takeProfit)).isEqualTo("OPEN");

        crashed.close(); // the host's thread ends, the executor is not stopped: what a SIGKILL leaves
        market(taker, TradeType.BUY, "0.1");
        await().atMost(WAIT).until(() -> "FILLED".equals(orderStatus(takeProfit)));
        assertThat(repository.find(id).orElseThrow().status()).as("nobody ran it meanwhile").isEqualTo("RUNNING");

        ExecutorManagement restarted = management(Duration.ofSeconds(2));
        try {
            await().atMost(WAIT).until(() -> {
                restarted.sweep();
                return "TERMINATED".equals(repository.find(id).orElseThrow().status());
            });
            ExecutorRow done = restarted.get(id);
            assertThat(done.closeType()).isEqualTo("TAKE_PROFIT");
            assertThat(done.cumFeesQuote().doubleValue()).isCloseTo(0.002 + 0.00202, within(1e-9));
            assertThat(done.netPnlQuote().doubleValue()).isCloseTo(0.1 - 0.00402, within(1e-9));
            assertThat(done.netPnlPct().doubleValue()).isCloseTo((0.1 - 0.00402) / 10, within(1e-9));
            assertThat(done.filledAmountQuote().doubleValue()).isCloseTo(20.1, within(1e-9));
            assertThat(repository.orderIds(id)).as("nothing re-placed").hasSize(2);
            assertThat(store.jdbc.queryForObject("SELECT count(*) FROM trades WHERE client_order_id = ?",
                    Integer.class, takeProfit)).isEqualTo(1);
            assertThat(restarted.logs(id, null)).anySatisfy(e -> assertThat(e.toString()).contains("resumed"));
            assertThat(eventTypes(id)).startsWith("ExecutorStarted").endsWith("ExecutorStopped")
                    .containsOnlyOnce("ExecutorStopped");
        } finally {
            restarted.close();
        }
    }

    /**
     * Barriers after a resume: BUY 0.1 SOL at 100.00 (maker fee 0.002 USDT), 2 % stop loss, 5 % LIMIT take profit
     * resting at 105.00. Its host dies; the new instance resumes it with nothing filled meanwhile: it runs again, its
     * take profit still rests. The book falls to 97 / 98: at the best bid the loss is 3 %, so it cancels the take
     * profit and sells 0.1 at market into 97.00 (taker fee 0.05 % of 9.70 = 0.00485): net PnL −0.3 − 0.00685 =
     * −0.30685 USDT, −3.0685 %, volume 19.70.
     */
    @Test
    void aResumedExecutorStillClosesAtItsStopLoss() {
        quote("99.00", "101.00");
        ExecutorManagement crashed = management(Duration.ofSeconds(2));
        String id = crashed.create("exec", "resumed-sl", position("0.1", "100",
                Map.of("stop_loss", "0.02", "take_profit", "0.05", "take_profit_order_type", "LIMIT"))).executorId();
        market(taker, TradeType.SELL, "0.1");
        await().atMost(WAIT).until(() -> repository.orderIds(id).size() == 2 && storedOrders(id) == 2);
        String takeProfit = repository.orderIds(id).get(1);
        crashed.close();

        ExecutorManagement restarted = management(Duration.ofSeconds(2));
        try {
            await().atMost(WAIT).until(() -> {
                restarted.sweep();
                return restarted.logs(id, null).stream().anyMatch(e -> e.message().startsWith("resumed"));
            });
            assertThat(restarted.get(id).status()).isEqualTo("RUNNING");
            assertThat(restarted.get(id).trading()).isTrue();
            assertThat(orderStatus(takeProfit)).isEqualTo("OPEN");

            quote("97.00", "98.00");
            await().atMost(WAIT).until(() -> "TERMINATED".equals(repository.find(id).orElseThrow().status()));
            ExecutorRow done = restarted.get(id);
            assertThat(done.closeType()).isEqualTo("STOP_LOSS");
            assertThat(done.cumFeesQuote().doubleValue()).isCloseTo(0.002 + 0.00485, within(1e-9));
            assertThat(done.netPnlQuote().doubleValue()).isCloseTo(-0.3 - 0.00685, within(1e-9));
            assertThat(done.netPnlPct().doubleValue()).isCloseTo((-0.3 - 0.00685) / 10, within(1e-9));
            assertThat(done.filledAmountQuote().doubleValue()).isCloseTo(19.7, within(1e-9));
            await().atMost(WAIT).until(() -> "CANCELLED".equals(orderStatus(takeProfit)));
        } finally {
            restarted.close();
        }
    }

    /**
     * The safety net of ADR 0023: an order placed after the last stored checkpoint is cancelled on resume. The stored
     * checkpoint is put back to the one taken while only the open (BUY 0.1 at 100.00) rested, as if the host died
     * right after the step that placed the take profit and before storing it. On resume the open's fill is
     * reconciled from the venue, the unknown take profit is cancelled, the executor places a new one at 101.00, the
     * taker lifts it: TAKE_PROFIT with the same figures as without a crash (net 0.09598 USDT).
     */
    @Test
    void anOrderPlacedAfterTheLastStoredCheckpointIsCancelledOnResume() {
        quote("99.00", "101.00");
        ExecutorManagement crashed = management(Duration.ofSeconds(2));
        String id = crashed.create("exec", "net", position("0.1", "100",
                Map.of("take_profit", "0.01", "take_profit_order_type", "LIMIT"))).executorId();
        await().atMost(WAIT).until(() -> storedOrders(id) == 1);
        String beforeTakeProfit = store.jdbc.queryForObject("SELECT checkpoint::text FROM executors WHERE executor_id = ?",
                String.class, id);
        quote("99.00", "102.00");
        market(taker, TradeType.SELL, "0.1");
        await().atMost(WAIT).until(() -> repository.orderIds(id).size() == 2 && storedOrders(id) == 2);
        String lostTakeProfit = repository.orderIds(id).get(1);
        crashed.close();
        store.jdbc.update("UPDATE executors SET checkpoint = ?::jsonb WHERE executor_id = ?", beforeTakeProfit, id);

        ExecutorManagement restarted = management(Duration.ofSeconds(2));
        try {
            await().atMost(WAIT).until(() -> {
                restarted.sweep();
                return repository.orderIds(id).size() == 3;
            });
            await().atMost(WAIT).until(() -> "CANCELLED".equals(orderStatus(lostTakeProfit)));
            assertThat(restarted.logs(id, "WARNING")).anySatisfy(e -> assertThat(e.message())
                    .contains(lostTakeProfit).contains("after the last stored checkpoint"));
            String newTakeProfit = repository.orderIds(id).get(2);
            await().atMost(WAIT).until(() -> "OPEN".equals(orderStatus(newTakeProfit)));

            market(taker, TradeType.BUY, "0.1");
            await().atMost(WAIT).until(() -> "TERMINATED".equals(repository.find(id).orElseThrow().status()));
            ExecutorRow done = restarted.get(id);
            assertThat(done.closeType()).isEqualTo("TAKE_PROFIT");
            assertThat(done.netPnlQuote().doubleValue()).isCloseTo(0.1 - 0.00402, within(1e-9));
            assertThat(done.filledAmountQuote().doubleValue()).isCloseTo(20.1, within(1e-9));
        } finally {
            restarted.close();
        }
    }

    /**
     * Executor logs across replicas and restarts (issue 18): the log is stored, so a replica that does not run the
     * executor (no session, no lease) reads the same entries as its owner, and after a crash of the owner the resumed
     * executor's log is the earlier entries followed by its "resumed from its checkpoint" line. The other replica also
     * sees the executor's state and PnL as the owner stores them (at most a second behind the owner's live figures).
     * Setup as the crash test: BUY 0.1 SOL at 100.00, 1 % LIMIT take profit, the open filled, the take profit resting.
     */
    @Test
    void anExecutorsLogIsTheSameOnEveryReplicaAndSurvivesACrashOfItsHost() {
        quote("99.00", "101.00");
        ExecutorManagement crashed = management(Duration.ofSeconds(2));
        String id = crashed.create("exec", "logged", position("0.1", "100",
                Map.of("take_profit", "0.01", "take_profit_order_type", "LIMIT"))).executorId();
        quote("99.00", "102.00");
        market(taker, TradeType.SELL, "0.1");
        await().atMost(WAIT).until(() -> repository.orderIds(id).size() == 2 && storedOrders(id) == 2);
        try (Replica other = replicaWithoutTheLease()) {
            List<String> before = messages(crashed.logs(id, null)); // the owner's read writes what it queued
            assertThat(before.getFirst()).startsWith("started position_executor");
            assertThat(before).anySatisfy(m -> assertThat(m).startsWith("placed SELL LIMIT"));
            assertThat(messages(other.executors().logs(id, null))).as("the replica without the lease")
                    .isEqualTo(before);
            await().atMost(WAIT).until(() -> other.executors().get(id).trading()
                    && other.executors().get(id).netPnlQuote().equals(crashed.get(id).netPnlQuote()));

            crashed.close(); // what a SIGKILL leaves: its host's thread gone, nothing stopped
            ExecutorManagement restarted = management(Duration.ofSeconds(2));
            try {
                await().atMost(WAIT).until(() -> {
                    restarted.sweep();
                    return messages(restarted.logs(id, null)).stream().anyMatch(m -> m.startsWith("resumed"));
                });
                List<String> after = messages(restarted.logs(id, null));
                assertThat(after.subList(0, before.size())).as("the log before the crash").isEqualTo(before);
                assertThat(after.get(before.size())).startsWith("resumed from its checkpoint");
                assertThat(messages(other.executors().logs(id, null))).isEqualTo(after);
                assertThat(other.executors().logs(id, "info")).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.level()).isEqualTo("INFO"));

                market(taker, TradeType.BUY, "0.1");
                await().atMost(WAIT).until(() -> "TERMINATED".equals(other.executors().get(id).status()));
                assertThat(other.executors().get(id).closeType()).isEqualTo("TAKE_PROFIT");
                await().atMost(WAIT).until(() -> messages(other.executors().logs(id, null)).getLast()
                        .equals("terminated: TAKE_PROFIT"));
            } finally {
                restarted.close();
            }
        }
    }

    /** The store keeps the newest entries of each executor only, and a read after a seq returns what is newer. */
    @Test
    void anExecutorsStoredLogKeepsItsNewestEntriesOnly() {
        try (ExecutorLogStore logs = new ExecutorLogStore(new ExecutorLogRepository(store.jdbc), store.tx, 3,
                Duration.ofHours(1))) {
            Instant now = Instant.now();
            for (int i = 1; i <= 5; i++) {
                logs.append(new ExecutorLogEntry("bounded-1", 0, now, "INFO", "line " + i));
                logs.append(new ExecutorLogEntry("bounded-2", 0, now, "INFO", "other " + i));
            }
            List<ExecutorLogEntry> kept = logs.entries("bounded-1", null);
            assertThat(messages(kept)).containsExactly("line 3", "line 4", "line 5");
            assertThat(messages(logs.entries("bounded-2", null))).containsExactly("other 3", "other 4", "other 5");
            logs.append(new ExecutorLogEntry("bounded-1", 0, now, "WARNING", "line 6"));
            assertThat(messages(logs.entriesAfter("bounded-1", null, kept.getLast().seq()))).containsExactly("line 6");
            assertThat(messages(logs.entries("bounded-1", "WARNING"))).containsExactly("line 6");
            assertThat(store.jdbc.queryForObject("SELECT count(*) FROM executor_logs WHERE executor_id = 'bounded-1'",
                    Integer.class)).isEqualTo(3);
        }
    }

    private static List<String> messages(List<ExecutorLogEntry> entries) {
        return entries.stream().map(ExecutorLogEntry::message).toList();
    }

    /** An executor stored before checkpoints were kept stays AWAITING_RESUME and its row says why. */
    @Test
    void anExecutorWithoutACheckpointStaysAwaitingResumeWithTheReason() {
        Instant longAgo = Instant.now().minusSeconds(600);
        repository.insert(new ExecutorRow("no-checkpoint-1", "position_executor", "exec", "sim", "SOL-USDT", "old",
                "BUY", "RUNNING", null, true, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                "{\"type\": \"position_executor\"}", null, 0, null, longAgo, null), longAgo);
        access.current(new SessionKey("exec", "sim")); // the session runs here

        executors.sweep();

        ExecutorRow row = repository.find("no-checkpoint-1").orElseThrow();
        assertThat(row.status()).isEqualTo(ExecutorRow.AWAITING_RESUME);
        assertThat(row.lastError()).contains("no checkpoint");
    }

    /**
     * On {@code sim_perpetual} an executor's leverage (and the position mode it names) is set on the account before
     * its first order; the venue's default leverage is 20. The perp maker quotes 1 % either side of the venue's mark
     * price (the synthetic path liquidations are checked against, so the long is not liquidated at once); BUY 0.015
     * ETH at the maker's ask takes it at once: the long the venue holds for "exec" is at 5x, in HEDGE mode. A stop
     * closes it into the maker's bid.
     */
    @Test
    void aPerpetualExecutorTradesAtItsLeverageAndPositionMode() {
        TradingPair eth = TradingPair.parse("ETH-USDT");
        BigDecimal mark = connectors.find("sim_perpetual").orElseThrow().marketData().fundingInfo(eth).markPrice();
        io.aviary.connectors.model.TradingRule rule = rules.rules("sim_perpetual").get(eth);
        String bid = rule.quantizePrice(mark.multiply(new BigDecimal("0.99"))).toPlainString();
        String ask = rule.quantizePrice(mark.multiply(new BigDecimal("1.01"))).toPlainString();
        List<String> quotes = List.of(limit(perpMaker, eth, TradeType.BUY, "1", bid),
                limit(perpMaker, eth, TradeType.SELL, "1", ask));
        try {
            Map<String, Object> config = perpetual(position("0.015", ask, Map.of()));
            config.put("leverage", 5);
            config.put("position_mode", "HEDGE");
            String id = executors.create("exec", "perp", config).executorId();

            await().atMost(WAIT).until(() -> executors.get(id).trading());
            await().atMost(WAIT).until(() -> !execPerp.positions().isEmpty());
            assertThat(execPerp.positions()).singleElement().satisfies(p -> {
                assertThat(p.tradingPair()).isEqualTo(eth);
                assertThat(p.side()).isEqualTo(PositionSide.LONG);
                assertThat(p.amount()).isEqualByComparingTo("0.015");
                assertThat(p.leverage()).as("the executor's leverage, not the venue's default 20").isEqualTo(5);
            });
            assertThat(execPerp.positionMode()).isEqualTo(PositionMode.HEDGE);
            assertThat(executors.logs(id, "INFO")).anySatisfy(e -> assertThat(e.message())
                    .contains("leverage 5 for ETH-USDT and position mode HEDGE set on sim_perpetual"));

            executors.stop(id, false);
            await().atMost(WAIT).until(() -> "TERMINATED".equals(repository.find(id).orElseThrow().status()));
            assertThat(execPerp.positions()).as("the stop closed the long").isEmpty();
        } finally {
            quotes.forEach(q -> cancelQuietly(perpMaker, eth, q));
        }
    }

    /**
     * A leverage the venue refuses (the sim allows up to 125x) fails the create with the venue's reason, and nothing
     * is recorded or placed: the executor must not trade at a leverage it did not ask for.
     */
    @Test
    void aLeverageTheVenueRefusesFailsTheCreate() {
        Map<String, Object> config = perpetual(position("0.015", "3000", Map.of()));
        config.put("leverage", 1000);

        assertThat(catchThrowable(() -> executors.create("exec", "perp-refused", config)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("leverage 1000 for ETH-USDT");
        assertThat(executors.search(filter(List.of("perp-refused"), 10, null, null)).total()).isZero();

        Map<String, Object> badMode = perpetual(position("0.015", "3000", Map.of()));
        badMode.put("position_mode", "SIDEWAYS");
        assertThat(catchThrowable(() -> executors.create("exec", "perp-refused", badMode)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("position_mode");
    }

    /**
     * An executor on a paper session ({@code sim_paper_trade}: the sim venue's SOL-USDT book, fees 0.1 %). BUY 0.1 SOL
     * at 101.00 takes the maker's ask at once (fee 0.0101 USDT); the book moves to 103 / 104, the PnL at the best bid
     * is (10.30 − 10.10 − 0.0101) / 10.10 = 1.88 % > 1 %, so it sells 0.1 at market into 103.00 (fee 0.0103): net PnL
     * 0.2 − 0.0204 = 0.1796 USDT, volume 20.40. Search lists it under the paper connector; the paper balances moved.
     */
    @Test
    void aPositionExecutorOnAPaperSessionClosesAtItsTakeProfit() {
        quote("99.00", "101.00");
        Map<String, Object> config = position("0.1", "101", Map.of("take_profit", "0.01"));
        config.put("connector_name", "sim_paper_trade");
        ExecutorRow created = executors.create("desk", "paper", config);
        String id = created.executorId();
        assertThat(created.connectorName()).isEqualTo("sim_paper_trade");
        await().atMost(WAIT).until(() -> executors.get(id).trading());
        assertThat(executors.search(new ExecutorFilter(List.of("desk"), List.of("sim_paper_trade"), List.of(),
                List.of(), null, List.of("paper"), 10, null, null)).rows()).extracting(ExecutorRow::executorId)
                .containsExactly(id);

        quote("103.00", "104.00");
        await().atMost(WAIT).until(() -> "TERMINATED".equals(executors.get(id).status()));
        ExecutorRow done = executors.get(id);
        assertThat(done.closeType()).isEqualTo("TAKE_PROFIT");
        assertThat(done.cumFeesQuote().doubleValue()).isCloseTo(0.0101 + 0.0103, within(1e-9));
        assertThat(done.netPnlQuote().doubleValue()).isCloseTo(0.2 - 0.0204, within(1e-9));
        assertThat(done.filledAmountQuote().doubleValue()).isCloseTo(20.4, within(1e-9));
        assertThat(repository.orderIds(id)).hasSize(2).allSatisfy(o -> assertThat(orderStatus(o)).isEqualTo("FILLED"));
        // Hummingbot's paper defaults: 100 SOL and 100000 USDT to start; bought 0.1 at 101, sold it at 103
        assertThat(access.current(new SessionKey("desk", "sim_paper_trade")).trading().balances())
                .filteredOn(b -> b.asset().equals("USDT")).singleElement()
                .satisfies(b -> assertThat(b.total()).isEqualByComparingTo("100000.1796"));
    }

    private static Map<String, Object> perpetual(Map<String, Object> config) {
        Map<String, Object> perp = new LinkedHashMap<>(config);
        perp.put("connector_name", "sim_perpetual");
        perp.put("trading_pair", "ETH-USDT");
        return perp;
    }

    private static void cancelQuietly(TradingConnector account, TradingPair pair, String clientOrderId) {
        try {
            account.cancelOrder(pair, clientOrderId);
        } catch (RuntimeException e) {
            // filled or cancelled already
        }
    }

    private int storedOrders(String executorId) {
        Integer n = store.jdbc.queryForObject("SELECT jsonb_array_length(checkpoint -> 'orders') FROM executors "
                + "WHERE executor_id = ?", Integer.class, executorId);
        return n == null ? 0 : n;
    }

    @Test
    void badInputIsRefusedNamingWhatIsWrong() {
        Map<String, Object> unknownType = new LinkedHashMap<>(position("0.1", "90", Map.of()));
        unknownType.put("type", "lp_executor");
        assertThat(catchThrowable(() -> executors.create("exec", null, unknownType)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("lp_executor");
        assertThat(catchThrowable(() -> executors.create("exec", null, position("-1", "90", Map.of()))))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("amount");
        Map<String, Object> unlisted = new LinkedHashMap<>(position("0.1", "90", Map.of()));
        unlisted.put("trading_pair", "FOO-BAR");
        assertThat(catchThrowable(() -> executors.create("exec", null, unlisted)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("trading_pair");
        assertThat(catchThrowable(() -> executors.create("nobody", null, position("0.1", "90", Map.of()))))
                .isInstanceOf(NotFound.class).hasMessageContaining("nobody");
        assertThat(catchThrowable(() -> executors.get("no-such-executor"))).isInstanceOf(NotFound.class);
        assertThat(catchThrowable(() -> executors.stop("no-such-executor", false))).isInstanceOf(NotFound.class);
    }

    private static ExecutorFilter filter(List<String> controllers, int limit, Instant after, String afterId) {
        return new ExecutorFilter(List.of(), List.of(), List.of(), List.of(), null, controllers, limit, after, afterId);
    }

    private static Map<String, Object> position(String amount, String entry, Map<String, Object> barriers) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", "position_executor");
        config.put("connector_name", "sim");
        config.put("trading_pair", "SOL-USDT");
        config.put("side", "BUY");
        config.put("amount", amount);
        config.put("entry_price", entry);
        config.put("triple_barrier_config", barriers);
        return config;
    }

    private String orderStatus(String clientOrderId) {
        return store.jdbc.queryForObject("SELECT status FROM orders WHERE client_order_id = ?", String.class,
                clientOrderId);
    }

    private List<String> eventTypes(String executorId) {
        return store.jdbc.queryForList("SELECT event_type FROM event_outbox WHERE event_key LIKE ? ORDER BY seq",
                String.class, "%/executor/" + executorId);
    }

    /** The maker's book: its previous quotes cancelled, 1 SOL bid and asked at the given prices. */
    private void quote(String bid, String ask) {
        for (String id : makerOrders) {
            try {
                maker.cancelOrder(SOL, id);
            } catch (RuntimeException e) {
                // already filled or cancelled
            }
        }
        makerOrders.clear();
        makerOrders.add(limit(maker, TradeType.BUY, "1", bid));
        makerOrders.add(limit(maker, TradeType.SELL, "1", ask));
    }

    private String limit(TradingConnector account, TradeType side, String amount, String price) {
        return limit(account, SOL, side, amount, price);
    }

    private String limit(TradingConnector account, TradingPair pair, TradeType side, String amount, String price) {
        String id = "m" + ids.incrementAndGet();
        account.placeOrder(new OrderRequest(id, pair, side, OrderType.LIMIT, new BigDecimal(amount),
                new BigDecimal(price), null));
        return id;
    }

    private void market(TradingConnector account, TradeType side, String amount) {
        market(account, SOL, side, amount);
    }

    private void market(TradingConnector account, TradingPair pair, TradeType side, String amount) {
        account.placeOrder(new OrderRequest("t" + ids.incrementAndGet(), pair, side, OrderType.MARKET,
                new BigDecimal(amount), null, null));
    }

    /** accounts-service's internal credential API for this test's {@link #credentials}. */
    private HttpServer startVault() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        JsonMapper json = JsonMapper.builder().build();
        String list = json.writeValueAsString(credentials.keySet().stream().map(k -> Map.of("account_name",
                k.split("/")[0], "connector_name", k.split("/")[1])).toList());
        server.createContext("/internal/credentials", exchange -> {
            try (exchange) {
                boolean authorized = TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Aviary-Internal-Token"))
                        && CREDENTIALS_TOKEN.equals(exchange.getRequestHeaders().getFirst(CredentialsToken.HEADER));
                String[] parts = exchange.getRequestURI().getPath().split("/"); // "", internal, credentials, a, c[, revision]
                String body;
                int status = 200;
                if (!authorized) {
                    status = 401;
                    body = "{\"detail\":\"unauthorized\"}";
                } else if (parts.length == 3) {
                    body = list;
                } else if (!credentials.containsKey(parts[3] + "/" + parts[4])) {
                    status = 404;
                    body = "{\"detail\":\"Not Found\"}";
                } else {
                    body = parts.length == 6 ? "{\"revision\":1}" : json.writeValueAsString(Map.of("revision", 1,
                            "fields", credentials.get(parts[3] + "/" + parts[4])));
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
        return server;
    }
}
