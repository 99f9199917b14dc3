package io.aviary.trading.app;

import io.aviary.trading.testing.TradingStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.common.events.EventJson;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.PositionSide;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.trading.domain.OrderRecord;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.infra.OrderRepository;
import io.aviary.trading.infra.OrderRepository.NewOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * TradeRecorder against a real PostgreSQL with the kit's and this service's migrations: what venues report
 * becomes rows and outbox events in one transaction, and reporting the same thing again (stream and
 * reconciliation racing, a replay after a restart) changes nothing and publishes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TradeRecorderTest {

    private static final SessionKey SESSION = new SessionKey("alice", "sim");
    private static final TradingPair BTC = TradingPair.parse("BTC-USDT");
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

    private final EventJson json = new EventJson();
    private TradingStore store;
    private JdbcTemplate jdbc;
    private OrderRepository orders;
    private TradeRecorder recorder;

    @BeforeAll
    void start() throws IOException {
        store = new TradingStore(json);
        jdbc = store.jdbc;
        orders = store.orders;
        // the relay is never started: the test reads what the recorder put in the outbox
        recorder = store.recorder(Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
    }

    @AfterAll
    void stop() throws IOException {
        store.close();
    }

    @BeforeEach
    void clean() {
        jdbc.execute("TRUNCATE event_outbox, orders, trades, positions, funding_payments CASCADE");
    }

    @Test
    void aSubmittedOrderIsRecordedOnceWithItsEvent() {
        assertThat(recorder.recordSubmitted(limitBuy("c-1", "key-1"))).isTrue();
        assertThat(recorder.recordSubmitted(limitBuy("c-1", null))).as("client id taken").isFalse();
        assertThat(recorder.recordSubmitted(limitBuy("c-2", "key-1"))).as("idempotency key taken").isFalse();

        assertThat(order("c-1").status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(events()).extracting(e -> e.get("type").asString()).containsExactly("OrderSubmitted");
        assertThat(events().getFirst().get("payload").get("price").decimalValue()).isEqualByComparingTo("60000");
    }

    @Test
    void partialFillsAddUpToFilledAndAReplayedFillChangesNothing() {
        recorder.recordSubmitted(limitBuy("c-1", null));
        recorder.recordUpdate(SESSION, update("c-1", OrderState.OPEN, "0", T0.plusSeconds(1)));

        assertThat(recorder.recordFill(SESSION, fill("t-1", "c-1", "0.4", T0.plusSeconds(2)))).isTrue();
        assertThat(order("c-1").status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(order("c-1").filledAmount()).isEqualByComparingTo("0.4");

        assertThat(recorder.recordFill(SESSION, fill("t-1", "c-1", "0.4", T0.plusSeconds(2)))).as("same trade id").isFalse();
        assertThat(recorder.recordFill(SESSION, fill("t-2", "c-1", "0.6", T0.plusSeconds(3)))).isTrue();

        OrderRecord filled = order("c-1");
        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledAmount()).isEqualByComparingTo("1");
        assertThat(filled.filledQuote()).isEqualByComparingTo("60000");
        assertThat(count("SELECT count(*) FROM trades")).isEqualTo(2);
        assertThat(types()).containsExactly("OrderSubmitted", "OrderUpdated", "TradeFilled", "OrderUpdated",
                "TradeFilled", "OrderUpdated");
        List<JsonNode> updates = events().stream().filter(e -> e.get("type").asString().equals("OrderUpdated")).toList();
        assertThat(updates).extracting(e -> e.get("payload").get("state").asString())
                .containsExactly("OPEN", "PARTIALLY_FILLED", "FILLED");
        assertThat(updates.getLast().get("payload").get("executedBase").decimalValue()).isEqualByComparingTo("1");

        // the stream echoes the final state after the fills were recorded: no new row change, no event
        recorder.recordUpdate(SESSION, update("c-1", OrderState.FILLED, "1", T0.plusSeconds(4)));
        assertThat(types()).hasSize(6);
    }

    @Test
    void aRepeatedOrCompetingUpdateIsRecordedOnceAndAFinishedOrderStaysFinished() {
        recorder.recordSubmitted(limitBuy("c-1", null));
        recorder.recordUpdate(SESSION, update("c-1", OrderState.OPEN, "0", T0.plusSeconds(1)));
        recorder.recordUpdate(SESSION, update("c-1", OrderState.OPEN, "0", T0.plusSeconds(1)));
        recorder.recordUpdate(SESSION, update("c-1", OrderState.CANCELED, "0", T0.plusSeconds(2)));
        recorder.recordUpdate(SESSION, update("c-1", OrderState.OPEN, "0", T0.plusSeconds(3))); // a late stream message

        assertThat(order("c-1").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order("c-1").exchangeOrderId()).isEqualTo("e-c-1");
        assertThat(types()).containsExactly("OrderSubmitted", "OrderUpdated", "OrderUpdated");
    }

    @Test
    void anOrderPlacedElsewhereIsRecordedAsFoundOnTheVenue() {
        recorder.recordUpdate(SESSION, update("web-7", OrderState.OPEN, "0", T0));

        OrderRecord found = order("web-7");
        assertThat(found.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(jdbc.queryForObject("SELECT origin FROM orders WHERE client_order_id = 'web-7'", String.class))
                .isEqualTo(TradeRecorder.ORIGIN_VENUE);
        assertThat(types()).containsExactly("OrderSubmitted", "OrderUpdated");

        // a fill of an unknown order creates its row too, sized by the fill
        assertThat(recorder.recordFill(SESSION, fill("t-9", "web-8", "0.25", T0))).isTrue();
        assertThat(order("web-8").amount()).isEqualByComparingTo("0.25");
        assertThat(order("web-8").status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void resolveFinishesOnlyAnOpenOrder() {
        recorder.recordSubmitted(limitBuy("c-1", null));
        recorder.resolve(SESSION, "c-1", OrderStatus.FAILED, "venue rejected it");
        recorder.resolve(SESSION, "c-1", OrderStatus.CANCELLED, "too late");

        OrderRecord failed = order("c-1");
        assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("venue rejected it");
        assertThat(types()).containsExactly("OrderSubmitted", "OrderUpdated");
        assertThat(events().getLast().get("payload").get("reason").asString()).isEqualTo("venue rejected it");
    }

    @Test
    void positionsAndFundingAreEventsOnlyWhenTheyChange() {
        Position shortEth = new Position(TradingPair.parse("ETH-USDT"), PositionSide.SHORT, new BigDecimal("2"),
                new BigDecimal("3000"), new BigDecimal("3010"), new BigDecimal("-20"), 5, new BigDecimal("3500"));
        assertThat(recorder.recordPosition(SESSION, shortEth)).isTrue();
        assertThat(recorder.recordPosition(SESSION, shortEth)).as("unchanged").isFalse();
        recorder.recordPositionClosed(SESSION, "ETH-USDT", "SHORT");
        recorder.recordPositionClosed(SESSION, "ETH-USDT", "SHORT"); // already gone

        FundingPayment paid = new FundingPayment(TradingPair.parse("ETH-USDT"), T0, new BigDecimal("0.0001"),
                new BigDecimal("-0.6"), "USDT", PositionSide.SHORT);
        assertThat(recorder.recordFunding(SESSION, paid, new BigDecimal("2"))).isTrue();
        assertThat(recorder.recordFunding(SESSION, paid, new BigDecimal("2"))).isFalse();

        assertThat(types()).containsExactly("PositionUpdated", "PositionUpdated", "FundingPaymentRecorded");
        assertThat(events().get(1).get("payload").get("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(count("SELECT count(*) FROM positions")).isZero();
    }

    private static NewOrder limitBuy(String clientOrderId, String idempotencyKey) {
        return new NewOrder(SESSION, clientOrderId, null, BTC, TradeType.BUY, OrderType.LIMIT, PositionAction.NIL,
                BigDecimal.ONE, new BigDecimal("60000"), OrderState.PENDING_CREATE, OrderStatus.SUBMITTED, idempotencyKey, TradeRecorder.ORIGIN_API, T0);
    }

    private static OrderUpdate update(String clientOrderId, OrderState state, String executed, Instant at) {
        return new OrderUpdate(clientOrderId, "e-" + clientOrderId, BTC, TradeType.BUY, OrderType.LIMIT,
                new BigDecimal("60000"), BigDecimal.ONE, state, new BigDecimal(executed), BigDecimal.ZERO, at, null);
    }

    private static Fill fill(String tradeId, String clientOrderId, String amount, Instant at) {
        return new Fill(tradeId, clientOrderId, "e-" + clientOrderId, BTC, TradeType.BUY, new BigDecimal("60000"),
                new BigDecimal(amount), new BigDecimal("0.01"), "USDT", false, PositionAction.NIL, at);
    }

    private OrderRecord order(String clientOrderId) {
        return orders.find(SESSION, clientOrderId).orElseThrow();
    }

    private List<JsonNode> events() {
        return jdbc.queryForList("SELECT envelope FROM event_outbox ORDER BY seq", String.class).stream()
                .map(envelope -> json.mapper().readTree(envelope)).toList();
    }

    private List<String> types() {
        return jdbc.queryForList("SELECT event_type FROM event_outbox ORDER BY seq", String.class);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
