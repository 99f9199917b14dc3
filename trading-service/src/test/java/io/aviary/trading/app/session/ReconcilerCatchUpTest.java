package io.aviary.trading.app.session;

import io.aviary.trading.testing.TradingStore;
import io.aviary.trading.app.*;
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
import io.aviary.trading.domain.OrderRecord;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.infra.OrderRepository;
import io.aviary.trading.infra.OrderRepository.NewOrder;
import io.aviary.trading.infra.WatermarkRepository;
import io.aviary.trading.infra.WatermarkRepository.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What reconciliation catches up on after trading-service missed the venue's stream (it was down, or the stream
 * dropped), against the real sim venue and a real PostgreSQL: an order sent but never confirmed, a fill that
 * happened meanwhile, an order placed outside Aviary, and a fill found only in the pair's trade history. A second
 * run finds nothing new and publishes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconcilerCatchUpTest {

    private static final TradingPair SOL = TradingPair.parse("SOL-USDT");
    private static final BigDecimal PRICE = new BigDecimal("200");
    private static final BigDecimal AMOUNT = new BigDecimal("0.1");

    private SimVenueProcess sim;
    private TradingStore store;
    private JdbcTemplate jdbc;
    private OrderRepository orders;
    private WatermarkRepository watermarks;
    private Reconciler reconciler;
    private TradeRecorder recorder;
    private TradingConnector account;
    private TradingConnector counterparty;
    private LiveSession session;

    @BeforeAll
    void start() throws IOException {
        sim = SimVenueProcess.start(Map.of("SIM_EXCHANGE_QUIET_MARKETS", "spot:SOL-USDT")); // only the test trades SOL
        store = new TradingStore();
        jdbc = store.jdbc;
        orders = store.orders;
        watermarks = store.watermarks;
        recorder = store.recorder(Clock.systemUTC());
        reconciler = new Reconciler(orders, store.positions, watermarks, recorder, Clock.systemUTC(), 3,
                TradingStore.unreadMetrics());
        SimConnectorFactory spot = SimConnectorFactory.spot(sim.url());
        account = spot.trading(SimApiKeys.create(sim.url(), "catch-up").credentials("sim"));
        counterparty = spot.trading(SimApiKeys.create(sim.url(), "counterparty").credentials("sim"));
        // no user stream: everything the venue does reaches the database only through reconciliation
        session = new LiveSession(new SessionKey("bob", "sim"), spot.spec(), account, () -> { }, Instant.now(), 1L);
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

    @AfterEach
    void cancelRestingOrders() {
        account.openOrders(Optional.empty()).forEach(o -> account.cancelOrder(SOL, o.clientOrderId()));
        counterparty.openOrders(Optional.empty()).forEach(o -> counterparty.cancelOrder(SOL, o.clientOrderId()));
    }

    @Test
    void anOrderSentButNeverConfirmedAndFilledMeanwhileEndsFilledWithItsFillRecordedOnce() {
        String id = sentUnconfirmedAndFilledWhileDown();

        assertThat(reconciler.reconcile(session)).as("fills the stream never delivered").isTrue();

        OrderRecord filled = order(id);
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledAmount()).isEqualByComparingTo(AMOUNT);
        assertThat(filled.exchangeOrderId()).isNotNull();
        assertThat(count("SELECT count(*) FROM trades WHERE client_order_id = ?", id)).isEqualTo(1);
        assertThat(watermarks.readTo(session.key(), Kind.FILLS)).isPresent();

        long events = count("SELECT count(*) FROM event_outbox");
        assertThat(reconciler.reconcile(session)).as("a second run finds nothing new").isFalse();
        assertThat(count("SELECT count(*) FROM event_outbox")).isEqualTo(events);
    }

    @Test
    void anOrderPlacedOutsideAviaryIsRecordedAsFoundOnTheVenue() {
        String id = "manual-" + System.nanoTime();
        account.placeOrder(new OrderRequest(id, SOL, TradeType.BUY, OrderType.LIMIT, AMOUNT, new BigDecimal("150"), null));

        reconciler.reconcile(session);

        OrderRecord found = order(id);
        assertThat(found.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(found.amount()).isEqualByComparingTo(AMOUNT);
        assertThat(jdbc.queryForObject("SELECT origin FROM orders WHERE client_order_id = ?", String.class, id))
                .isEqualTo(TradeRecorder.ORIGIN_VENUE);
        assertThat(count("SELECT count(*) FROM event_outbox WHERE event_type = 'OrderSubmitted' AND envelope LIKE ?",
                "%" + id + "%")).isEqualTo(1);
    }

    @Test
    void aFillOfAnOrderThatNeverRestedIsFoundInThePairsTradeHistory() {
        // the pair is active for this session (an order Aviary knows), so its history is read since the watermark
        sentUnconfirmedAndFilledWhileDown();
        reconciler.reconcile(session);
        counterparty.placeOrder(new OrderRequest("maker-" + System.nanoTime(), SOL, TradeType.SELL, OrderType.LIMIT,
                AMOUNT, PRICE, null));
        String id = "taker-outside-" + System.nanoTime();
        account.placeOrder(new OrderRequest(id, SOL, TradeType.BUY, OrderType.LIMIT, AMOUNT, PRICE, null));
        assertThat(account.openOrders(Optional.empty())).as("it filled at once: never open").isEmpty();

        assertThat(reconciler.reconcile(session)).isTrue();

        assertThat(count("SELECT count(*) FROM trades WHERE client_order_id = ?", id)).isEqualTo(1);
        assertThat(order(id).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(reconciler.reconcile(session)).isFalse();
    }

    /** Recorded and sent, but the process died before it recorded the venue's answer; then filled while down. */
    private String sentUnconfirmedAndFilledWhileDown() {
        String id = "sent-" + System.nanoTime();
        assertThat(recorder.recordSubmitted(new NewOrder(session.key(), id, null, SOL, TradeType.SELL, OrderType.LIMIT,
                PositionAction.NIL, AMOUNT, PRICE, OrderState.PENDING_CREATE, OrderStatus.SUBMITTED, null, TradeRecorder.ORIGIN_API, Instant.now())))
                .isTrue();
        account.placeOrder(new OrderRequest(id, SOL, TradeType.SELL, OrderType.LIMIT, AMOUNT, PRICE, null));
        takeOnVenue(TradeType.BUY);
        return id;
    }

    private void takeOnVenue(TradeType side) {
        counterparty.placeOrder(new OrderRequest("taker-" + System.nanoTime(), SOL, side, OrderType.LIMIT, AMOUNT, PRICE,
                null));
    }

    private OrderRecord order(String id) {
        return orders.find(session.key(), id).orElseThrow();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
