package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.devstack.RunningSuite;
import io.aviary.devstack.ServiceSpec;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's done-when for executors: through the gateway on {@code sim}, a position executor is created and found
 * by search; trading-service is killed with SIGKILL while its position is open and its take profit rests; the take
 * profit fills while the service is dead; after the restart the executor is resumed from its checkpoint and closes
 * at its take profit with the fill counted once. SOL-USDT is quiet on this suite's venue (only this test trades it):
 * a maker account quotes, a taker account crosses. Fees: maker 0.02 % of what is received.
 */
class ExecutorResumeThroughGatewayTest {

    private static final TradingPair SOL = TradingPair.parse("SOL-USDT");
    private static RunningSuite suite;
    private final List<String> makerOrders = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    static void start() {
        suite = RunningSuite.startSeparate("executor-resume", builder -> {
            builder.env("SIM_EXCHANGE_QUIET_MARKETS", "spot:SOL-USDT").env("AVIARY_EXECUTORS_STALE_AFTER", "5s");
            String only = System.getProperty("aviary.test.services");
            if (only != null && !only.isBlank()) {
                builder.services(Arrays.stream(only.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(ServiceSpec::require).toList());
            }
        }, line -> System.out.println("[executor-resume] " + line));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    /**
     * BUY 0.1 SOL at 100.00 with a 1 % LIMIT take profit (SELL 0.1 at 101.00): open fee 0.00002 SOL = 0.002 USDT,
     * take-profit fee 0.02 % of 10.10 = 0.00202 USDT; net PnL 0.1 − 0.00402 = 0.09598 USDT, volume 20.10.
     */
    @Test
    void aPositionExecutorSurvivesASigkillAndClosesAtItsTakeProfit() throws Exception {
        TradingDesk desk = TradingDesk.open(suite, "exec_resume", "sim");
        TradingConnector maker = desk.venueSessionWith("sim", SimKeys.create(suite));
        TradingConnector taker = desk.venueSessionWith("sim", SimKeys.create(suite));
        quote(maker, "99.00", "101.00");

        Http.Response created = desk.api.postJson("/executors/", """
                {"account_name": "exec_resume", "controller_id": "resume", "executor_config": {
                  "type": "position_executor", "connector_name": "sim", "trading_pair": "SOL-USDT", "side": "BUY",
                  "amount": "0.1", "entry_price": "100",
                  "triple_barrier_config": {"take_profit": "0.01", "take_profit_order_type": "LIMIT"}}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.executor_id");
        Http.Response found = desk.api.postJson("/executors/search", "{\"account_names\": [\"exec_resume\"]}");
        assertThat(JsonPath.<List<String>>read(found.body(), "$.data[*].executor_id")).containsExactly(id);

        quote(maker, "99.00", "102.00"); // the taker's buy below must lift the take profit at 101, not the maker
        market(taker, TradeType.SELL, "0.1");
        await("the open filled and the take profit in the stored checkpoint").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300)).until(() -> storedCheckpointOrders(id) == 2);
        String takeProfit = orderIds(id).get(1);
        await("the take profit's placement in the executor's log").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(300)).until(() -> logMessages(desk, id).stream()
                        .anyMatch(m -> m.startsWith("placed SELL LIMIT")));

        suite.killService("trading-service");
        market(taker, TradeType.BUY, "0.1");
        suite.startService("trading-service");

        await("resumed and closed at its take profit").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Http.Response r = desk.api.get("/executors/" + id);
                    return r.status() == 200 && "TERMINATED".equals(JsonPath.read(r.body(), "$.status"));
                });
        Map<String, Object> done = TradingDesk.json(desk.api.get("/executors/" + id));
        assertThat(done.get("close_type")).isEqualTo("TAKE_PROFIT");
        assertThat(((Number) done.get("net_pnl_quote")).doubleValue()).isCloseTo(0.1 - 0.00402, within(1e-9));
        assertThat(((Number) done.get("cum_fees_quote")).doubleValue()).isCloseTo(0.00402, within(1e-9));
        assertThat(((Number) done.get("filled_amount_quote")).doubleValue()).isCloseTo(20.1, within(1e-9));
        assertThat(orderIds(id)).as("nothing re-placed").hasSize(2);
        assertThat(trades(takeProfit)).as("the take profit's fill recorded once").isEqualTo(1);
        assertThat(suite.serviceLog("trading-service")).contains("Executor " + id + " on exec_resume/sim resumed");

        await("the log after the restart: the lines before the SIGKILL, the resume, the close")
                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> logMessages(desk, id).getLast().equals("terminated: TAKE_PROFIT"));
        List<String> log = logMessages(desk, id);
        assertThat(log.getFirst()).startsWith("started position_executor");
        int placed = indexOf(log, "placed SELL LIMIT");
        int resumed = indexOf(log, "resumed from its checkpoint");
        assertThat(placed).as(log.toString()).isNotNegative().isLessThan(resumed);
    }

    private static List<String> logMessages(TradingDesk desk, String executorId) {
        Http.Response r = desk.api.get("/executors/" + executorId + "/logs?limit=100");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return JsonPath.read(r.body(), "$.logs[*].message");
    }

    private static int indexOf(List<String> messages, String prefix) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private void quote(TradingConnector maker, String bid, String ask) {
        for (String order : makerOrders) {
            try {
                maker.cancelOrder(SOL, order);
            } catch (RuntimeException e) {
                // already filled or cancelled
            }
        }
        makerOrders.clear();
        makerOrders.add(limit(maker, TradeType.BUY, bid));
        makerOrders.add(limit(maker, TradeType.SELL, ask));
    }

    private String limit(TradingConnector account, TradeType side, String price) {
        String id = "rm" + ids.incrementAndGet();
        account.placeOrder(new OrderRequest(id, SOL, side, OrderType.LIMIT, BigDecimal.ONE, new BigDecimal(price), null));
        return id;
    }

    private void market(TradingConnector account, TradeType side, String amount) {
        account.placeOrder(new OrderRequest("rt" + ids.incrementAndGet(), SOL, side, OrderType.MARKET,
                new BigDecimal(amount), null, null));
    }

    private static int storedCheckpointOrders(String executorId) throws Exception {
        Integer n = single("SELECT jsonb_array_length(checkpoint -> 'orders') FROM trading.executors "
                + "WHERE executor_id = ?", executorId);
        return n == null ? 0 : n;
    }

    private static int trades(String clientOrderId) throws Exception {
        return single("SELECT count(*)::int FROM trading.trades WHERE client_order_id = ?", clientOrderId);
    }

    private static Integer single(String sql, String arg) throws Exception {
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                var query = db.prepareStatement(sql)) {
            query.setString(1, arg);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? (Integer) rs.getObject(1) : null;
            }
        }
    }

    private static List<String> orderIds(String executorId) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                var query = db.prepareStatement("SELECT client_order_id FROM trading.executor_orders "
                        + "WHERE executor_id = ? ORDER BY id")) {
            query.setString(1, executorId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
