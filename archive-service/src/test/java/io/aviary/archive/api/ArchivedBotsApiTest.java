package io.aviary.archive.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every view of §1.11 (+ HEAD's positions/controllers) on a database recorded by Aviary's bot with known fills, on one
 * built from Hummingbot's DDL with hand-inserted rows, and on an older archive; figures checked against values
 * computed by hand (see {@link ArchiveDatabases#botMade}).
 */
class ArchivedBotsApiTest extends ArchiveHttpTestBase {

    @Test
    void listsEveryArchivedDatabaseUnderBothPrefixes() {
        Answer list = get("/archived-bots/");
        assertThat(list.status()).isEqualTo(200);
        assertThat(strings(list.json())).containsSubsequence(DDL_DB, OLD_DB, BOT_DB, OTHER_DB, TEXT_DB);
        assertThat(strings(get("/databases/").json())).isEqualTo(strings(list.json()));
        assertThat(strings(get("/archived-bots").json())).isEqualTo(strings(list.json()));
    }

    @Test
    void summaryOfTheBotsDatabaseComesFromTheIndexTable() {
        JsonNode summary = ok("/archived-bots/" + BOT_DB + "/summary");
        assertThat(summary.get("db_path").asString()).isEqualTo(BOT_DB);
        assertThat(summary.get("total_orders").asLong()).isEqualTo(8);
        assertThat(summary.get("total_trades").asLong()).isEqualTo(7);
        assertThat(summary.get("total_executors").asLong()).isZero();
        assertThat(summary.get("total_positions").asLong()).isEqualTo(1);
        assertThat(strings(summary.get("trading_pairs"))).containsExactly("BTC-USDT", "ETH-USDT");
        assertThat(strings(summary.get("exchanges"))).containsExactly("sim");
        assertThat(jdbc.queryForObject("SELECT total_trades FROM archive.archived_database WHERE db_path = ?",
                Long.class, BOT_DB)).isEqualTo(7);
        assertThat(ok("/databases/" + BOT_DB + "/summary")).isEqualTo(summary);
    }

    @Test
    void performanceFromFillsMatchesHandComputedValues() {
        JsonNode body = ok("/archived-bots/" + BOT_DB + "/performance");
        JsonNode summary = body.get("summary");
        // BTC: avg entry 105 after two buys; sells realize (120-105)*0.6 + (100-105)*0.4 = 7; then long 0.3 @130.
        // ETH: short 2 @50, buy 1 @45 realizes 5; still short 1 @50, marked at 45: unrealized 5.
        // fees 0.1 % of 401 notional = 0.401; net = 12 + 5 - 0.401
        assertThat(summary.get("total_trades").asLong()).isEqualTo(7);
        assertThat(dec(summary, "final_realized_pnl_quote")).isEqualByComparingTo("12");
        assertThat(dec(summary, "final_unrealized_pnl_quote")).isEqualByComparingTo("5");
        assertThat(dec(summary, "total_fees_quote")).isEqualByComparingTo("0.401");
        assertThat(dec(summary, "final_net_pnl_quote")).isEqualByComparingTo("16.599");
        assertThat(dec(summary, "total_volume_quote")).isEqualByComparingTo("401");
        assertThat(dec(summary, "final_net_position")).isEqualByComparingTo("-0.7");
        assertThat(strings(summary.get("connector_names"))).containsExactly("sim");
        assertThat(strings(summary.get("trading_pairs"))).containsExactly("BTC-USDT", "ETH-USDT");

        JsonNode btc = body.get("by_market").get(0);
        assertThat(btc.get("trading_pair").asString()).isEqualTo("BTC-USDT");
        assertThat(dec(btc, "realized_pnl_quote")).isEqualByComparingTo("7");
        assertThat(dec(btc, "net_position")).isEqualByComparingTo("0.3");
        assertThat(dec(btc, "average_entry_price")).isEqualByComparingTo("130");
        assertThat(dec(btc, "fees_quote")).isEqualByComparingTo("0.256");
        JsonNode eth = body.get("by_market").get(1);
        assertThat(dec(eth, "realized_pnl_quote")).isEqualByComparingTo("5");
        assertThat(dec(eth, "unrealized_pnl_quote")).isEqualByComparingTo("5");

        JsonNode rows = body.get("performance_data");
        assertThat(rows).hasSize(7);
        JsonNode afterFirstSell = rows.get(4); // BTC sell 0.6 @120
        assertThat(afterFirstSell.get("timestamp").asLong()).isEqualTo(ArchiveDatabases.T0 + 120_000);
        assertThat(dec(afterFirstSell, "realized_trade_pnl_quote")).isEqualByComparingTo("9");
        assertThat(dec(afterFirstSell, "net_position")).isEqualByComparingTo("0.4");
        assertThat(dec(afterFirstSell, "unrealized_trade_pnl_quote")).isEqualByComparingTo("6"); // (120-105)*0.4
        assertThat(dec(afterFirstSell, "cum_fees_quote")).isEqualByComparingTo("0.177");
        assertThat(dec(afterFirstSell, "cum_volume_quote")).isEqualByComparingTo("177");

        JsonNode page = ok("/archived-bots/" + BOT_DB + "/performance?limit=2&offset=5");
        assertThat(page.get("performance_data")).hasSize(2);
        assertThat(page.get("performance_data").get(0).get("timestamp").asLong())
                .isEqualTo(ArchiveDatabases.T0 + 180_000);
        assertThat(page.get("pagination").get("has_more").asBoolean()).isFalse();
        assertThat(page.get("summary")).isEqualTo(summary);
    }

    @Test
    void tradesArePagedFromSqliteWithDecodedDecimalsAndRunningFees() {
        JsonNode first = ok("/archived-bots/" + BOT_DB + "/trades?limit=3");
        assertThat(first.get("trades")).hasSize(3);
        assertThat(first.get("pagination").get("total").asLong()).isEqualTo(7);
        assertThat(first.get("pagination").get("has_more").asBoolean()).isTrue();
        JsonNode trade = first.get("trades").get(0);
        assertThat(trade.get("connector_name").asString()).isEqualTo("sim");
        assertThat(trade.get("trading_pair").asString()).isEqualTo("BTC-USDT");
        assertThat(dec(trade, "price")).isEqualByComparingTo("100");
        assertThat(dec(trade, "amount")).isEqualByComparingTo("0.5");
        assertThat(dec(trade, "trade_fee_in_quote")).isEqualByComparingTo("0.05");
        assertThat(trade.get("timestamp").asLong()).isEqualTo(ArchiveDatabases.T0);

        JsonNode later = ok("/archived-bots/" + BOT_DB + "/trades?limit=2&offset=5");
        assertThat(later.get("trades")).hasSize(2);
        assertThat(later.get("pagination").get("has_more").asBoolean()).isFalse();
        JsonNode fifthBtc = later.get("trades").get(0); // BTC sell 0.4 @100: fees 0.05 + 0.055 + 0.072 + 0.04
        assertThat(dec(fifthBtc, "price")).isEqualByComparingTo("100");
        assertThat(dec(fifthBtc, "cum_fees_in_quote")).isEqualByComparingTo("0.217");

        assertThat(get("/archived-bots/" + BOT_DB + "/trades?limit=0").status()).isEqualTo(400);
        assertThat(get("/archived-bots/" + BOT_DB + "/trades?offset=-1").status()).isEqualTo(400);
    }

    @Test
    void ordersFilterByLastStatus() {
        JsonNode all = ok("/archived-bots/" + BOT_DB + "/orders");
        assertThat(all.get("orders")).hasSize(8);
        assertThat(all.get("pagination").get("total").asLong()).isEqualTo(8);
        JsonNode cancelled = ok("/archived-bots/" + BOT_DB + "/orders?status=OrderCancelled");
        assertThat(cancelled.get("orders")).hasSize(1);
        assertThat(cancelled.get("pagination").get("total").asLong()).isEqualTo(1);
        JsonNode order = cancelled.get("orders").get(0);
        assertThat(order.get("id").asString()).isEqualTo("o6");
        assertThat(dec(order, "price")).isEqualByComparingTo("150");
        assertThat(dec(order, "amount")).isEqualByComparingTo("0.3");
        assertThat(order.get("trading_pair").asString()).isEqualTo("BTC-USDT");
        JsonNode completed = ok("/archived-bots/" + BOT_DB + "/orders?status=BuyOrderCompleted&limit=1");
        assertThat(completed.get("orders").get(0).get("id").asString()).isEqualTo("o1");

        Answer unknown = get("/archived-bots/" + BOT_DB + "/orders?status=filled-ish");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("Unknown order status");
    }

    @Test
    void hummingbotDdlRowsAreScaledOnceIncludingRealizedPnlOfPositions() {
        JsonNode trade = ok("/archived-bots/" + DDL_DB + "/trades").get("trades").get(0);
        assertThat(dec(trade, "price")).isEqualByComparingTo("94012.123456");
        assertThat(dec(trade, "amount")).isEqualByComparingTo("0.0015");
        assertThat(dec(trade, "trade_fee_in_quote")).isEqualByComparingTo("0.141018");
        assertThat(trade.get("timestamp").asLong()).isEqualTo(1_735_689_600_123L);
        assertThat(trade.get("position").asString()).isEqualTo("OPEN");

        JsonNode positions = ok("/archived-bots/" + DDL_DB + "/positions");
        assertThat(positions.get("pagination").get("total").asLong()).isEqualTo(1);
        JsonNode position = positions.get("positions").get(0);
        // the original API divides every Position decimal except realized_pnl_quote (it would answer 1840000)
        assertThat(dec(position, "realized_pnl_quote")).isEqualByComparingTo("1.84");
        assertThat(dec(position, "unrealized_pnl_quote")).isEqualByComparingTo("-0.012345");
        assertThat(dec(position, "volume_traded_quote")).isEqualByComparingTo("189.88");
        assertThat(dec(position, "breakeven_price")).isEqualByComparingTo("94000");
        assertThat(position.get("timestamp").asLong()).isEqualTo(1_735_690_260_000L);

        JsonNode performance = ok("/archived-bots/" + DDL_DB + "/performance");
        assertThat(dec(performance.get("summary"), "total_volume_quote"))
                .isEqualByComparingTo(new BigDecimal("94012.123456").multiply(new BigDecimal("0.0015")));
        JsonNode controller = performance.get("by_controller").get(0);
        assertThat(controller.get("controller_id").asString()).isEqualTo("pmm_simple_example");
        assertThat(dec(controller, "net_pnl_quote")).isEqualByComparingTo("1.84");
    }

    @Test
    void executorsAndControllersKeepTheirStoredShapeAndSeconds() {
        JsonNode executors = ok("/archived-bots/" + DDL_DB + "/executors");
        assertThat(executors.get("total").asLong()).isEqualTo(1);
        JsonNode executor = executors.get("executors").get(0);
        assertThat(executor.get("type").asString()).isEqualTo("position_executor");
        assertThat(executor.get("timestamp").asDouble()).isEqualTo(1_735_689_600.0);
        assertThat(executor.get("close_timestamp").asDouble()).isEqualTo(1_735_690_260.5);
        assertThat(executor.get("net_pnl_quote").asDouble()).isEqualTo(1.84);
        assertThat(executor.get("config").asString()).contains("\"amount\": \"0.001\"");

        JsonNode controllers = ok("/archived-bots/" + DDL_DB + "/controllers");
        assertThat(controllers.get("total").asLong()).isEqualTo(1);
        JsonNode controller = controllers.get("controllers").get(0);
        assertThat(controller.get("id").asString()).isEqualTo("pmm_simple_example");
        assertThat(controller.get("timestamp").asDouble()).isEqualTo(1_735_689_599.25);
        assertThat(controller.get("type").asString()).isEqualTo("market_making");
    }

    @Test
    void statusNamesEachTable() {
        JsonNode healthy = ok("/archived-bots/" + DDL_DB + "/status");
        assertThat(healthy.get("healthy").asBoolean()).isTrue();
        assertThat(healthy.get("status").get("trade_fill").asString()).isEqualTo("Correct");
        assertThat(healthy.get("status").get("db_name").asString()).isEqualTo("conf_v2_binance.sqlite");
        assertThat(healthy.get("status").get("db_path").asString()).isEqualTo("sqlite:///" + DDL_DB);

        JsonNode old = ok("/archived-bots/" + OLD_DB + "/status");
        assertThat(old.get("healthy").asBoolean()).isFalse();
        assertThat(old.get("status").get("orders").asString()).isEqualTo("Correct");
        assertThat(old.get("status").get("executors").asString()).isEqualTo("Error - no such table: Executors");
    }

    @Test
    void anOlderArchiveWithoutTablesAndColumnsStillAnswers() {
        JsonNode summary = ok("/archived-bots/" + OLD_DB + "/summary");
        assertThat(summary.get("total_trades").asLong()).isEqualTo(2);
        assertThat(summary.get("total_executors").asLong()).isZero();
        JsonNode trade = ok("/archived-bots/" + OLD_DB + "/trades").get("trades").get(1);
        assertThat(trade.get("trade_fee_in_quote").isNull()).isTrue();
        assertThat(trade.get("position").isNull()).isTrue();
        assertThat(dec(trade, "price")).isEqualByComparingTo("3100");
        JsonNode performance = ok("/archived-bots/" + OLD_DB + "/performance").get("summary");
        assertThat(dec(performance, "final_realized_pnl_quote")).isEqualByComparingTo("100"); // (3100-3000)*1
        assertThat(dec(performance, "total_fees_quote")).isEqualByComparingTo("0");
        assertThat(ok("/archived-bots/" + OLD_DB + "/executors").get("executors")).isEmpty();
        assertThat(ok("/archived-bots/" + OLD_DB + "/positions").get("positions")).isEmpty();
        assertThat(ok("/archived-bots/" + OLD_DB + "/orders").get("orders").get(0).get("position").isNull()).isTrue();
    }

    @Test
    void badNamesAndBadFilesAreRefusedWithTheirReason() {
        // (an encoded slash, %2F, never reaches the service: Tomcat refuses it with its own 400)
        Answer unknown = get("/archived-bots/bots/archived/nobody/data/none.sqlite/summary");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).startsWith("Database not found");

        for (String path : List.of("bots/archived/../../../etc/passwd", "/etc/passwd",
                "bots/archived/%2e%2e/%2e%2e/etc/passwd", "bots/archived/x/%252e%252e/secret.sqlite",
                "bots/instances/live_bot/data/conf.sqlite", "bots/archived/./old_bot/data/old_pmm.sqlite")) {
            Answer escape = get("/archived-bots/" + path + "/summary");
            assertThat(escape.status()).as(path).isEqualTo(400);
            assertThat(escape.json().get("detail").asString()).as(path).isNotBlank();
        }

        Answer text = get("/archived-bots/" + TEXT_DB + "/summary");
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.json().get("detail").asString()).startsWith("Not a SQLite database");
        assertThat(get("/archived-bots/" + TEXT_DB + "/trades").status()).isEqualTo(422);
        Answer other = get("/archived-bots/" + OTHER_DB + "/performance");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("detail").asString()).startsWith("Not a Hummingbot bot database");
        assertThat(get("/archived-bots/" + OTHER_DB + "/status").status()).isEqualTo(422);
        assertThat(get("/archived-bots/" + BOT_DB + "/nothing").status()).isEqualTo(404);
    }

    private JsonNode ok(String path) {
        Answer answer = get(path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static BigDecimal dec(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertThat(value).as(field).isNotNull();
        return value.decimalValue();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asString()));
        return out;
    }
}
