package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Several pages of fills (the suite reads sim fill history 10 per page) are made while
 * trading-service is down, in bursts stamped in one millisecond (one taker sweeping many resting
 * orders). After the restart reconciliation must have recorded every one of them exactly once:
 * a reader that stops after a page, or whose cursor stalls on a page of one millisecond, loses the
 * rest, and its watermark then moves past them for good.
 */
class FillHistoryPagingTest {

    private static final TradingPair SOL = TradingPair.parse("SOL-USDT");
    private static final String ACCOUNT = "desk_pages";
    private static final int ORDERS_PER_BURST = 15;

    @Test
    void everyFillMadeWhileTheServiceWasDownIsRecordedOnce() throws Exception {
        RunningSuite suite = RunningSuite.get();
        TradingDesk desk = TradingDesk.open(suite, ACCOUNT, "sim");
        Instant testStart = Instant.now().minusSeconds(5);
        TradingConnector ours = desk.venueSession("sim");
        TradingConnector counterparty = desk.venueSessionWith("sim", SimKeys.create(suite));
        // an order placed through Aviary and left resting far from the market: the pair is one the
        // service reconciles, as it would be for any account that trades it
        BigDecimal far = desk.bestAsk("sim", "SOL-USDT").multiply(new BigDecimal("3")).setScale(2, RoundingMode.DOWN);
        String anchor = desk.placed("sim", "SOL-USDT", "SELL", "LIMIT", "0.1", far.toPlainString());

        suite.killService("trading-service");
        Instant killedAt = Instant.now();
        for (int burst = 0; burst < 2; burst++) {
            sellManyThenSweep(ours, counterparty, desk, burst);
        }
        Instant restartedAt = Instant.now();
        suite.startService("trading-service");

        Map<String, BigDecimal> onVenue = ours.trades(SOL, testStart).stream()
                .collect(Collectors.toMap(Fill::tradeId, Fill::amount, BigDecimal::add));
        long whileDown = ours.trades(SOL, testStart).stream()
                .filter(f -> f.timestamp().isAfter(killedAt) && f.timestamp().isBefore(restartedAt)).count();
        assertThat(whileDown).as("fills made while trading-service was down").isGreaterThan(2 * 10);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(storedFills(suite)).containsExactlyInAnyOrderEntriesOf(onVenue));
        ours.cancelOrder(SOL, anchor);
    }

    /**
     * Rests {@value #ORDERS_PER_BURST} small sells of ours inside the spread (so they are the best
     * asks), outside Aviary since the service is down, then one buy of the counterparty at that price
     * takes them all in one command: fills stamped in the same millisecond.
     */
    private static void sellManyThenSweep(TradingConnector ours, TradingConnector counterparty, TradingDesk desk,
            int burst) {
        BigDecimal ask = desk.bestAsk("sim", "SOL-USDT");
        BigDecimal inside = ask.subtract(new BigDecimal("0.01"));
        BigDecimal price = inside.compareTo(desk.bestBid("sim", "SOL-USDT")) > 0 ? inside : ask;
        BigDecimal each = new BigDecimal("0.1");
        for (int i = 0; i < ORDERS_PER_BURST; i++) {
            ours.placeOrder(new OrderRequest("down-" + burst + "-" + i + "-" + System.nanoTime() % 1_000_000, SOL,
                    TradeType.SELL, OrderType.LIMIT, each, price, null));
        }
        BigDecimal resting = each.multiply(BigDecimal.valueOf(ORDERS_PER_BURST));
        // The market moves meanwhile (a busy machine makes the gap long): asks that moved below ours are taken first,
        // so sweep again at our price until none of this burst's sells rests any more.
        for (int sweep = 0; sweep < 10 && resting.signum() > 0; sweep++) {
            counterparty.placeOrder(new OrderRequest("sweep-" + burst + "-" + sweep + "-" + System.nanoTime() % 1_000_000,
                    SOL, TradeType.BUY, OrderType.LIMIT, resting, price, null));
            counterparty.openOrders(Optional.of(SOL)).forEach(o -> counterparty.cancelOrder(SOL, o.clientOrderId()));
            resting = restingOfBurst(ours, burst);
        }
    }

    private static BigDecimal restingOfBurst(TradingConnector ours, int burst) {
        return ours.openOrders(Optional.of(SOL)).stream()
                .filter(o -> o.clientOrderId().startsWith("down-" + burst + "-"))
                .map(o -> o.amount().subtract(o.executedBase() == null ? BigDecimal.ZERO : o.executedBase()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, BigDecimal> storedFills(RunningSuite suite) throws Exception {
        Map<String, BigDecimal> fills = new HashMap<>();
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                Statement query = db.createStatement();
                ResultSet rs = query.executeQuery(
                        "SELECT trade_id, amount FROM trading.trades WHERE account_name = '" + ACCOUNT + "'")) {
            while (rs.next()) {
                assertThat(fills.put(rs.getString(1), rs.getBigDecimal(2))).as("trade recorded twice").isNull();
            }
        }
        return fills;
    }
}
