package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.Topics;
import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The /trading contract through the gateway on the simulated venue: orders rest, fill and cancel as
 * the venue reports, lists paginate without gaps, retries place one order, bad input writes nothing,
 * and perpetual positions, leverage, position mode and funding payments come from sim_perpetual.
 */
class TradingThroughGatewayTest {

    private static RunningSuite suite;
    private static TradingDesk desk;

    @BeforeAll
    static void openDesk() {
        suite = RunningSuite.get();
        desk = TradingDesk.open(suite, "desk_trading", "sim", "sim_perpetual");
    }

    @Test
    void aLimitOrderRestsIsListedAsActiveAndCancels() {
        String price = farBelow("BTC-USDT");
        String id = desk.placed("sim", "BTC-USDT", "BUY", "LIMIT", "0.001", price);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(statusOf(id)).isEqualTo("OPEN"));
        Http.Response active = desk.list("/trading/orders/active", "\"trading_pairs\":[\"BTC-USDT\"]");
        List<Map<String, Object>> open = JsonPath.read(active.body(), "$.data[?(@.client_order_id == '" + id + "')]");
        assertThat(open).singleElement().satisfies(o -> {
            assertThat(o).containsEntry("trade_type", "BUY").containsEntry("order_type", "LIMIT")
                    .containsEntry("amount", "0.001").containsEntry("last_state", "1").containsEntry("account_name", "desk_trading");
            assertThat(new BigDecimal((String) o.get("price"))).isEqualByComparingTo(price);
        });

        Http.Response cancel = desk.api.postJson("/trading/desk_trading/sim/orders/" + id + "/cancel",
                "{\"trading_pair\":\"BTC-USDT\"}");
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(cancel.body()).contains("Order " + id + " cancelled successfully");
        assertThat(statusOf(id)).isEqualTo("CANCELLED");
        // the official client v1.0.2 cancels without a body; a finished order is a conflict
        Http.Response again = desk.api.post("/trading/desk_trading/sim/orders/" + id + "/cancel");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.body()).contains("already CANCELLED");
    }

    @Test
    void aMarketOrderFillsAndItsFillsAreListedAndPublished() throws Exception {
        String id = desk.placed("sim", "ETH-USDT", "BUY", "MARKET", "0.05", null);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(statusOf(id)).isEqualTo("FILLED"));
        Map<String, Object> row = searchRow(id);
        assertThat(new BigDecimal(row.get("filled_amount").toString())).isEqualByComparingTo("0.05");
        assertThat(row.get("average_fill_price")).isNotNull();
        assertThat(row.get("fee_currency")).isNotNull();

        Http.Response trades = desk.list("/trading/trades", "\"trading_pairs\":[\"ETH-USDT\"],\"trade_types\":[\"BUY\"]");
        List<Map<String, Object>> fills = JsonPath.read(trades.body(), "$.data[?(@.order_id == '" + id + "')]");
        assertThat(fills).isNotEmpty();
        BigDecimal filled = fills.stream().map(f -> new BigDecimal(f.get("amount").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(filled).isEqualByComparingTo("0.05");

        String orderKey = "desk_trading/sim/" + id;
        List<EventEnvelope> events = TopicReader.awaitEnvelopes(suite.kafkaBootstrap(), Topics.TRADING,
                e -> e.type().equals("BalancesUpdated") && e.key().equals("desk_trading/sim"), Duration.ofSeconds(20));
        List<String> types = events.stream().filter(e -> e.key().equals(orderKey)).map(EventEnvelope::type).toList();
        assertThat(types).first().isEqualTo("OrderSubmitted");
        assertThat(types).contains("TradeFilled", "OrderUpdated");
        assertThat(types.stream().filter("TradeFilled"::equals).count()).isEqualTo(fills.size());
        assertThat(events).anyMatch(e -> e.type().equals("BalancesUpdated") && e.key().equals("desk_trading/sim"));

        // the portfolio (accounts-service) prices the balances trading-service publishes
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Http.Response state = desk.api.get("/portfolio/state?account_names=desk_trading");
            List<Map<String, Object>> eth = JsonPath.read(state.body(), "$.desk_trading.sim[?(@.token == 'ETH')]");
            assertThat(eth).as(state.toString()).singleElement().satisfies(t ->
                    assertThat(((Number) t.get("value")).doubleValue()).isPositive());
        });
    }

    @Test
    void retriesWithTheSameIdempotencyKeyOrClientIdPlaceOneOrder() throws Exception {
        String body = desk.orderJson("sim", "BTC-USDT", "BUY", "LIMIT", "0.001", farBelow("BTC-USDT"), null);
        Http withKey = desk.api.header("Idempotency-Key", "retry-" + System.nanoTime());
        Http.Response first = withKey.postJson("/trading/orders", body);
        Http.Response second = withKey.postJson("/trading/orders", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        String id = JsonPath.read(first.body(), "$.order_id");
        assertThat((String) JsonPath.read(second.body(), "$.order_id")).isEqualTo(id);
        // the same key for another order is refused, not answered with the first order
        Http.Response reused = withKey.postJson("/trading/orders", body.replace("\"amount\":0.001", "\"amount\":0.002"));
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(reused.body()).contains("was used for a different order").contains("amount");

        String chosen = "mine-" + System.nanoTime();
        String withId = desk.orderJson("sim", "BTC-USDT", "BUY", "LIMIT", "0.001", farBelow("BTC-USDT"), chosen);
        assertThat(desk.api.postJson("/trading/orders", withId).status()).isEqualTo(201);
        assertThat(desk.api.postJson("/trading/orders", withId).status()).isEqualTo(200);
        String differentOrder = desk.orderJson("sim", "ETH-USDT", "SELL", "LIMIT", "0.01", "999999", chosen);
        assertThat(desk.api.postJson("/trading/orders", differentOrder).status()).isEqualTo(409);

        assertThat(countOrders("client_order_id IN (?, ?)", id, chosen)).isEqualTo(2);
        assertThat(desk.venueSession("sim").openOrders(java.util.Optional.empty()))
                .filteredOn(o -> o.clientOrderId().equals(id) || o.clientOrderId().equals(chosen)).hasSize(2);
    }

    @Test
    void badInputIsRefusedWithTheReasonAndNothingIsWritten() throws Exception {
        long before = countOrders("true");
        expect(422, desk.api.postJson("/trading/orders", "{\"account_name\":\"desk_trading\"}"), "Field required");
        expect(422, desk.order("sim", "BTC-USDT", "BUY", "LIMIT", "-1", "100"), "greater than 0");
        expect(422, desk.order("sim", "BTC-USDT", "HOLD", "LIMIT", "1", "100"), "'BUY' or 'SELL'");
        // decimals that would cost seconds and megabytes to scale or print are refused before any arithmetic
        for (String costly : List.of("\"1e-40000000\"", "\"1e40000000\"", "123456789012345678901234567890123456789")) {
            Http.Response refused = desk.order("sim", "BTC-USDT", "BUY", "LIMIT", costly, "100");
            expect(422, refused, "Decimal input should have no more than");
            assertThat(refused.body()).hasSizeLessThan(400);
        }
        expect(400, desk.order("sim", "BTC-USDT", "BUY", "LIMIT", "0.001", null), "Price is required");
        expect(400, desk.order("sim", "DOGE-USDT", "BUY", "LIMIT", "1", "1"), "not supported on sim");
        expect(400, desk.order("sim", "BTCUSDT", "BUY", "LIMIT", "1", "1"), "BASE-QUOTE");
        expect(400, desk.order("sim", "BTC-USDT", "BUY", "LIMIT", "0.0000001", "50000"), "below minimum order size");
        expect(404, desk.api.postJson("/trading/orders", desk.orderJson("sim", "BTC-USDT", "BUY", "LIMIT", "1", "1", null)
                .replace("desk_trading", "nobody")), "Account 'nobody' not found");
        expect(404, desk.order("binance", "BTC-USDT", "BUY", "LIMIT", "1", "1"), "Connector 'binance' not found for account");
        expect(400, desk.api.postJson("/trading/desk_trading/sim/leverage", "{\"trading_pair\":\"BTC-USDT\",\"leverage\":5}"),
                "not a perpetual connector");
        expect(422, desk.api.postJson("/trading/desk_trading/sim_perpetual/leverage",
                "{\"trading_pair\":\"BTC-USDT\",\"leverage\":200}"), "less than or equal to 125");
        expect(400, desk.api.postJson("/trading/desk_trading/sim_perpetual/position-mode", "{\"position_mode\":\"BOTH\"}"),
                "Must be 'HEDGE' or 'ONEWAY'");
        expect(400, desk.list("/trading/orders/search", "\"cursor\":\"0:\""), "Invalid cursor");
        expect(400, desk.list("/trading/trades", "\"start_time\":2000,\"end_time\":1000"), "start_time must not be after end_time");
        expect(404, desk.api.post("/trading/desk_trading/sim/orders/never-placed/cancel"), "not found");
        assertThat(countOrders("true")).isEqualTo(before);
    }

    @Test
    void pagesOfEveryListNeitherOverlapNorSkip() {
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            placed.add(desk.placed("sim", "BTC-USDT", "BUY", "LIMIT", "0.001", farBelow("BTC-USDT")));
            placed.add(desk.placed("sim", "SOL-USDT", "BUY", "LIMIT", "0.1", farBelow("SOL-USDT")));
        }
        List<String> seen = readAllPages("/trading/orders/active", "\"trading_pairs\":[\"BTC-USDT\",\"SOL-USDT\"]",
                "client_order_id", 3);
        assertThat(seen).doesNotHaveDuplicates().containsAll(placed);

        List<String> searched = readAllPages("/trading/orders/search",
                "\"trading_pairs\":[\"BTC-USDT\",\"SOL-USDT\"],\"status\":\"OPEN\"", "order_id", 4);
        assertThat(searched).doesNotHaveDuplicates().containsAll(placed);
        assertThat(seen).hasSameSizeAs(searched);
    }

    @Test
    void perpetualPositionModeLeverageAndFundingComeFromTheVenue() {
        Http perp = desk.api;
        Http.Response mode = perp.postJson("/trading/desk_trading/sim_perpetual/position-mode", "{\"position_mode\":\"oneway\"}");
        assertThat(mode.status()).as(mode.toString()).isEqualTo(200);
        assertThat(perp.get("/trading/desk_trading/sim_perpetual/position-mode").body())
                .contains("\"position_mode\":\"ONEWAY\"");
        Http.Response leverage = perp.postJson("/trading/desk_trading/sim_perpetual/leverage",
                "{\"trading_pair\":\"ETH-USDT\",\"leverage\":7}");
        assertThat(leverage.status()).as(leverage.toString()).isEqualTo(200);
        assertThat(leverage.body()).contains("Leverage for ETH-USDT set to 7 on sim_perpetual");

        desk.placed("sim_perpetual", "ETH-USDT", "BUY", "MARKET", "0.2", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Http.Response positions = desk.list("/trading/positions", "\"connector_names\":[\"sim_perpetual\"]");
            List<Map<String, Object>> eth = JsonPath.read(positions.body(), "$.data[?(@.trading_pair == 'ETH-USDT')]");
            assertThat(eth).singleElement().satisfies(p -> {
                assertThat(new BigDecimal(p.get("amount").toString())).isEqualByComparingTo("0.2");
                assertThat(p.get("leverage")).isEqualTo(7);
                assertThat(p.get("entry_price")).isNotNull();
            });
        });
        // the suite's venue pays funding every 20 s; reconciliation reads it within its 3 s period
        await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Http.Response funding = desk.list("/trading/funding-payments", "\"trading_pair\":\"ETH-USDT\"");
            List<Map<String, Object>> payments = JsonPath.read(funding.body(), "$.data");
            assertThat(payments).isNotEmpty().allSatisfy(p -> {
                assertThat(p).containsEntry("connector_name", "sim_perpetual").containsEntry("trading_pair", "ETH-USDT");
                assertThat(p.get("funding_payment")).isNotNull();
                assertThat(p.get("funding_rate")).isNotNull();
            });
        });
    }

    private static List<String> readAllPages(String path, String filters, String idField, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            Http.Response response = desk.list(path, filters + ",\"limit\":" + limit
                    + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\""));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            List<String> pageIds = JsonPath.read(response.body(), "$.data[*]." + idField);
            assertThat(pageIds.size()).isLessThanOrEqualTo(limit);
            ids.addAll(pageIds);
            if (!(Boolean) JsonPath.read(response.body(), "$.pagination.has_more")) {
                int total = JsonPath.read(response.body(), "$.pagination.total_count");
                assertThat(ids).hasSize(total);
                return ids;
            }
            cursor = JsonPath.read(response.body(), "$.pagination.next_cursor");
        }
        throw new AssertionError("more than 100 pages");
    }

    private static void expect(int status, Http.Response response, String detailFragment) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.body()).as(response.toString()).startsWith("{\"detail\":").contains(detailFragment);
    }

    private static String statusOf(String id) {
        return (String) searchRow(id).get("status");
    }

    private static Map<String, Object> searchRow(String id) {
        Http.Response search = desk.list("/trading/orders/search", "\"limit\":1000");
        List<Map<String, Object>> rows = JsonPath.read(search.body(), "$.data[?(@.order_id == '" + id + "')]");
        assertThat(rows).as(search.toString()).hasSize(1);
        return rows.getFirst();
    }

    private static String farBelow(String pair) {
        return desk.bestBid("sim", pair).multiply(new BigDecimal("0.7")).setScale(2, RoundingMode.DOWN).toPlainString();
    }

    private static long countOrders(String where, Object... args) throws Exception {
        try (Connection db = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                PreparedStatement query = db.prepareStatement(
                        "SELECT count(*) FROM trading.orders WHERE account_name = 'desk_trading' AND " + where)) {
            for (int i = 0; i < args.length; i++) {
                query.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
