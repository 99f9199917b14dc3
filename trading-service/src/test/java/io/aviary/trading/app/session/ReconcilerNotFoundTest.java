package io.aviary.trading.app.session;

import io.aviary.trading.testing.TradingStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.connectors.sim.SimConnectorFactory;
import io.aviary.connectors.sim.SimVenueProcess;
import io.aviary.trading.app.TradeRecorder;
import io.aviary.trading.domain.OrderRecord;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.infra.OrderRepository;
import io.aviary.trading.infra.OrderRepository.NewOrder;
import io.aviary.trading.infra.PositionRepository;
import io.aviary.trading.infra.WatermarkRepository;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconciliation against the real sim venue and a real PostgreSQL, through a venue connector that
 * answers "order not found" for chosen orders on chosen runs: a single such answer must not finish
 * a live order, and a status reconciliation only inferred yields to what the venue reports later.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconcilerNotFoundTest {

    private static final TradingPair SOL = TradingPair.parse("SOL-USDT");
    private static final BigDecimal PRICE = new BigDecimal("200");
    private static final BigDecimal AMOUNT = new BigDecimal("0.1");
    private static final int CONFIRMATIONS = 3;

    private final AtomicInteger ids = new AtomicInteger();
    private SimVenueProcess sim;
    private TradingStore store;
    private JdbcTemplate jdbc;
    private OrderRepository orders;
    private TradeRecorder recorder;
    private WatermarkRepository watermarks;
    private PositionRepository positions;
    private TradingConnector counterparty;
    private TradingConnector account;
    private ForgetfulVenue venue;
    private LiveSession session;

    @BeforeAll
    void start() throws IOException {
        // SOL-USDT without simulated flow: only the test's two accounts trade there
        sim = SimVenueProcess.start(Map.of("SIM_EXCHANGE_QUIET_MARKETS", "spot:SOL-USDT"));
        store = new TradingStore();
        jdbc = store.jdbc;
        orders = store.orders;
        positions = store.positions;
        watermarks = store.watermarks;
        recorder = store.recorder(Clock.systemUTC());
        SimConnectorFactory spot = SimConnectorFactory.spot(sim.url());
        account = spot.trading(SimApiKeys.create(sim.url(), "reconciled").credentials("sim"));
        venue = new ForgetfulVenue(account);
        counterparty = spot.trading(SimApiKeys.create(sim.url(), "counterparty").credentials("sim"));
        session = new LiveSession(new SessionKey("alice", "sim"), spot.spec(), venue, () -> { }, Instant.now(), 1L);
    }

    @AfterAll
    void stop() throws IOException {
        if (sim != null) {
            sim.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** Each test's taker must meet that test's order, not one an earlier test left resting. */
    @AfterEach
    void cancelRestingOrders() {
        account.openOrders(Optional.empty()).forEach(o -> account.cancelOrder(SOL, o.clientOrderId()));
    }

    /** A restart of trading-service, as far as reconciliation goes: a new instance over the same database. */
    private Reconciler reconciler() {
        return new Reconciler(orders, positions, watermarks, recorder, Clock.systemUTC(), CONFIRMATIONS,
                TradingStore.unreadMetrics());
    }

    @Test
    void oneNotFoundAnswerLeavesTheOrderOpenAndItsLaterFillIsRecorded() {
        String id = restingSell();
        venue.forget(id, 1);

        reconciler().reconcile(session);
        assertThat(order(id).status()).isEqualTo(OrderStatus.OPEN);

        fillOnVenue();
        reconciler().reconcile(session);

        OrderRecord filled = order(id);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledAmount()).isEqualByComparingTo(AMOUNT);
        assertThat(tradeCount(id)).isEqualTo(1);
        assertThat(orderStates(id)).containsExactly("FILLED").doesNotContain("CANCELED", "FAILED");
        assertThat(eventCount("TradeFilled", id)).isEqualTo(1);
    }

    @Test
    void onlyConsecutiveAnswersCountAndTheCountSurvivesARestart() {
        String id = restingSell();
        venue.forget(id, CONFIRMATIONS - 1);
        reconciler().reconcile(session);
        reconciler().reconcile(session);
        reconciler().reconcile(session); // the venue knows it again: counting starts afresh
        venue.forget(id, CONFIRMATIONS - 1);
        reconciler().reconcile(session);
        reconciler().reconcile(session);
        assertThat(order(id).status()).isEqualTo(OrderStatus.OPEN);
        assertThat(orderStates(id)).isEmpty();

        venue.forget(id, 1);
        reconciler().reconcile(session); // the third in a row, each run on a fresh instance
        assertThat(order(id).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order(id).statusInferred()).isTrue();
        assertThat(orderStates(id)).containsExactly("CANCELED");
    }

    @Test
    void aFillOverridesAnInferredCancellation() {
        String id = restingSell();
        venue.forget(id, CONFIRMATIONS);
        for (int run = 0; run < CONFIRMATIONS; run++) {
            reconciler().reconcile(session);
        }
        assertThat(order(id).status()).isEqualTo(OrderStatus.CANCELLED);

        fillOnVenue();
        reconciler().reconcile(session);

        OrderRecord filled = order(id);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.statusInferred()).isFalse();
        assertThat(tradeCount(id)).isEqualTo(1);
        assertThat(orderStates(id)).containsExactly("CANCELED", "FILLED");
        assertThat(eventCount("TradeFilled", id)).isEqualTo(1);
    }

    @Test
    void theVenueListingTheOrderOpenOverridesAnInferredCancellation() {
        String id = restingSell();
        venue.forget(id, CONFIRMATIONS);
        for (int run = 0; run < CONFIRMATIONS; run++) {
            reconciler().reconcile(session);
        }
        assertThat(order(id).status()).isEqualTo(OrderStatus.CANCELLED);

        reconciler().reconcile(session);

        assertThat(order(id).status()).isEqualTo(OrderStatus.OPEN);
        assertThat(order(id).statusInferred()).isFalse();
        assertThat(orderStates(id)).containsExactly("CANCELED", "OPEN");
    }

    /**
     * Resting orders the venue's open-orders list shows with the fills the database has are settled by that one list:
     * a session with thousands of them must not cost two venue calls per order every run. One the list shows with more
     * executed than recorded is still asked about, and its fill recorded.
     */
    @Test
    void ordersTheOpenListSettlesCostNoQueryEachAndAPartFillIsStillRecorded() {
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> restingSell()).toList();
        int before = venue.orderQueries();
        reconciler().reconcile(session);
        assertThat(venue.orderQueries() - before).isZero();
        ids.forEach(id -> assertThat(order(id).status()).isEqualTo(OrderStatus.OPEN));

        counterparty.placeOrder(new OrderRequest("taker-" + System.nanoTime(), SOL, TradeType.BUY, OrderType.LIMIT,
                AMOUNT.divide(BigDecimal.TWO), PRICE, null));
        reconciler().reconcile(session);

        OrderRecord partly = order(ids.getFirst());
        assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(partly.filledAmount()).isEqualByComparingTo(AMOUNT.divide(BigDecimal.TWO));
        assertThat(tradeCount(ids.getFirst())).isEqualTo(1);
        assertThat(venue.orderQueries() - before).isEqualTo(2); // that order's status and fills, no other
    }

    /** An order recorded and placed as trading-service does, old enough to be past the placement grace. */
    private String restingSell() {
        String id = "recon-" + System.nanoTime() + "-" + ids.incrementAndGet();
        Instant placedAt = Instant.now().minus(Reconciler.PLACEMENT_GRACE).minus(Duration.ofSeconds(5));
        assertThat(recorder.recordSubmitted(new NewOrder(session.key(), id, null, SOL, TradeType.SELL, OrderType.LIMIT,
                PositionAction.NIL, AMOUNT, PRICE, OrderState.PENDING_CREATE, OrderStatus.SUBMITTED, null, TradeRecorder.ORIGIN_API, placedAt)))
                .isTrue();
        recorder.recordUpdate(session.key(),
                venue.placeOrder(new OrderRequest(id, SOL, TradeType.SELL, OrderType.LIMIT, AMOUNT, PRICE, null)));
        assertThat(order(id).status()).isEqualTo(OrderStatus.OPEN);
        jdbc.update("DELETE FROM event_outbox");
        return id;
    }

    private void fillOnVenue() {
        counterparty.placeOrder(new OrderRequest("taker-" + System.nanoTime(), SOL, TradeType.BUY, OrderType.LIMIT,
                AMOUNT, PRICE, null));
    }

    private OrderRecord order(String id) {
        return orders.find(session.key(), id).orElseThrow();
    }

    private int tradeCount(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM trades WHERE client_order_id = ?", Integer.class, id);
    }

    /** The states the OrderUpdated events of this order announced, oldest first. */
    private List<String> orderStates(String id) {
        return jdbc.queryForList("SELECT envelope FROM event_outbox WHERE event_type = 'OrderUpdated' ORDER BY seq",
                String.class).stream()
                .filter(envelope -> envelope.contains("\"" + id + "\""))
                .map(envelope -> envelope.replaceAll(".*\"state\"\\s*:\\s*\"([A-Z_]+)\".*", "$1"))
                .toList();
    }

    private int eventCount(String type, String id) {
        return jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE event_type = ? AND envelope LIKE ?",
                Integer.class, type, "%\"" + id + "\"%");
    }
}
