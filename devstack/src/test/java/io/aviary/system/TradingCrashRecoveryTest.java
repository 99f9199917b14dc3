package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.Topics;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * trading-service is killed with SIGKILL while orders rest and fills keep arriving; while it is down
 * the orders fill further, one is cancelled on the venue and orders are placed outside Aviary. After
 * the restart the database must hold exactly the venue's fills (none lost, none twice), every order
 * in the venue's state, and one TradeFilled event per fill.
 */
class TradingCrashRecoveryTest {

    private static final TradingPair SOL = TradingPair.parse("SOL-USDT");

    @Test
    void nothingIsLostOrDuplicatedAcrossAKill() throws Exception {
        RunningSuite suite = RunningSuite.get();
        TradingDesk desk = TradingDesk.open(suite, "desk_crash", "sim");
        Instant testStart = Instant.now().minusSeconds(5);
        TradingConnector ours = desk.venueSession("sim");
        SimApiKeys.Created counterpartyKey = SimKeys.create(suite);
        TradingConnector counterparty = desk.venueSessionWith("sim", counterpartyKey);

        List<String> resting = new ArrayList<>();
        BigDecimal ask = desk.bestAsk("sim", "SOL-USDT");
        for (int i = 0; i < 4; i++) {
            resting.add(desk.placed("sim", "SOL-USDT", "SELL", "LIMIT", "0.5", ask.toPlainString()));
        }
        List<String> atTheAsk = List.copyOf(resting);
        // one far from the market, so it is still resting when it is cancelled on the venue during the outage
        String cancelledOutside = desk.placed("sim", "SOL-USDT", "SELL", "LIMIT", "0.5",
                desk.bestAsk("sim", "SOL-USDT").multiply(new BigDecimal("2")).setScale(2, java.math.RoundingMode.DOWN).toPlainString());
        resting.add(cancelledOutside);
        AtomicBoolean trading = new AtomicBoolean(true);
        AtomicInteger takerOrders = new AtomicInteger();
        Thread taker = Thread.ofVirtual().start(() -> {
            while (trading.get()) {
                // through our price, whatever the market did meanwhile: a fixed sweep of the top levels missed our
                // asks for a minute once the market had moved away from them
                desk.sweepThrough(counterparty, ours, "ct" + takerOrders.incrementAndGet(), ask, atTheAsk);
                sleep(150);
            }
        });
        // fills arrive while the service runs...
        await("a fill recorded by the running trading-service").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(() -> !storedFills(suite).isEmpty());
        suite.killService("trading-service");
        Instant killedAt = Instant.now();
        awaitSweeps("while trading-service is dead", takerOrders);
        ours.cancelOrder(SOL, cancelledOutside);
        ours.placeOrder(new OrderRequest("outside-" + System.nanoTime() % 1_000_000, SOL, TradeType.SELL, OrderType.MARKET,
                new BigDecimal("0.2"), null, null));
        sweepTo(counterparty, desk, "sweep-" + System.nanoTime() % 1_000_000, new BigDecimal("100"));
        Instant restartedAt = Instant.now();
        int storedBeforeRestart = storedFills(suite).size();
        suite.startService("trading-service");
        // fills keep arriving after the restart, and the restarted service records again
        awaitSweeps("after the restart", takerOrders);
        await("fills recorded by the restarted trading-service").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> storedFills(suite).size() > storedBeforeRestart);
        trading.set(false);
        taker.join();
        counterparty.openOrders(Optional.of(SOL)).forEach(o -> counterparty.cancelOrder(SOL, o.clientOrderId()));

        List<Fill> venueFills = ours.trades(SOL, testStart);
        assertThat(venueFills).as("fills while the service was dead, which only reconciliation can find")
                .anyMatch(f -> f.timestamp().isAfter(killedAt) && f.timestamp().isBefore(restartedAt));
        Map<String, BigDecimal> expected = venueFills.stream()
                .collect(Collectors.toMap(Fill::tradeId, Fill::amount, BigDecimal::add));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(storedFills(suite)).containsExactlyInAnyOrderEntriesOf(expected));

        for (String id : resting) {
            OrderUpdate onVenue = ours.orderStatus(SOL, id);
            String venueStatus = onVenue.state() == OrderState.CANCELED ? "CANCELLED" : onVenue.state().name();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(storedStatus(suite, id)).as(id).isEqualTo(venueStatus));
        }
        assertThat(storedStatus(suite, cancelledOutside)).isEqualTo("CANCELLED");

        List<EventEnvelope> events = TopicReader.envelopes(suite.kafkaBootstrap(), Topics.TRADING);
        Map<String, Long> filledEvents = events.stream().filter(e -> e.type().equals("TradeFilled"))
                .filter(e -> e.key().startsWith("desk_crash/"))
                .collect(Collectors.groupingBy(e -> e.payload().get("tradeId").asString(), Collectors.counting()));
        assertThat(filledEvents.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(filledEvents.values()).allMatch(n -> n == 1);
    }

    /** Waits until the taker has swept the book a few more times: the phase had traffic, however slow the machine. */
    private static void awaitSweeps(String phase, AtomicInteger takerOrders) {
        int target = takerOrders.get() + 3;
        await("three taker sweeps " + phase).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> takerOrders.get() >= target);
    }

    /** Buys up to {@code amount} at every ask up to our price level, so our resting sells fill. */
    static void sweepTo(TradingConnector counterparty, TradingDesk desk, String id, BigDecimal amount) {
        try {
            List<PriceLevel> asks = desk.venueBook("sim", "SOL-USDT").asks();
            if (asks.isEmpty()) {
                return;
            }
            BigDecimal price = asks.get(Math.min(2, asks.size() - 1)).price();
            counterparty.placeOrder(new OrderRequest(id, SOL, TradeType.BUY, OrderType.LIMIT, amount, price, null));
            counterparty.cancelOrder(SOL, id);
        } catch (RuntimeException e) {
            // a fully filled sweep cannot be cancelled; the venue answering slowly is fine too
        }
    }

    private static Map<String, BigDecimal> storedFills(RunningSuite suite) throws Exception {
        return storedFills(suite, "desk_crash");
    }

    /** The fills stored for {@code account}, by trade id; fails when one is recorded twice. */
    static Map<String, BigDecimal> storedFills(RunningSuite suite, String account) throws Exception {
        Map<String, BigDecimal> fills = new HashMap<>();
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                var query = db.prepareStatement("SELECT trade_id, amount FROM trading.trades WHERE account_name = ?")) {
            query.setString(1, account);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    assertThat(fills.put(rs.getString(1), rs.getBigDecimal(2))).as("trade recorded twice").isNull();
                }
            }
        }
        return fills;
    }

    private static String storedStatus(RunningSuite suite, String clientOrderId) throws Exception {
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                var query = db.prepareStatement(
                        "SELECT status FROM trading.orders WHERE account_name = 'desk_crash' AND client_order_id = ?")) {
            query.setString(1, clientOrderId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
