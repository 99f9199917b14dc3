package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays every router's contract table ({@link ContractTable}) through the gateway and compares
 * statuses, response keys and types with api-catalog (issue 11). One suite, one test account with
 * live sim and sim_perpetual sessions; a router joins by adding {@code contract/<router>.json}.
 */
class ContractThroughGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Http api;
    private static final Map<String, String> VARIABLES = new HashMap<>();

    @BeforeAll
    static void openDesk() {
        RunningSuite suite = RunningSuite.get();
        TradingDesk desk = TradingDesk.open(suite, "contract_desk", "sim", "sim_perpetual");
        api = desk.api;
        VARIABLES.put("account", desk.account);
        VARIABLES.put("btc_far_below", desk.bestBid("sim", "BTC-USDT").multiply(new BigDecimal("0.7"))
                .setScale(2, RoundingMode.DOWN).toPlainString());
        long now = Instant.now().getEpochSecond() / 60 * 60;
        VARIABLES.put("now_s", Long.toString(now));
        VARIABLES.put("hour_ago_s", Long.toString(now - 3600));
    }

    @TestFactory
    Stream<DynamicNode> everyRouterAnswersAsTheCatalogSays() {
        List<ContractTable> tables = ContractTable.all();
        assertThat(tables).as("contract tables").isNotEmpty();
        return tables.stream().map(table -> DynamicContainer.dynamicContainer(table.router(),
                table.rows().stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> replay(table, row)))));
    }

    private static void replay(ContractTable table, ContractTable.Row row) {
        if (row.awaitSeconds() > 0) {
            await().atMost(Duration.ofSeconds(row.awaitSeconds())).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> check(table, row));
        } else {
            check(table, row);
        }
    }

    private static void check(ContractTable table, ContractTable.Row row) {
        String path = ContractTable.substitute(row.path(), VARIABLES);
        String body = ContractTable.substitute(row.body(), VARIABLES);
        Http.Response response = send(row.method(), path, body, row.contentType());
        String what = table.router() + " " + row.method() + " " + path + " → " + response;
        assertThat(response.status()).as(what).isEqualTo(row.status());
        JsonNode answer = JSON.readTree(response.body());
        if (row.detail() != null) {
            assertThat(answer.path("detail").asString()).as(what).contains(row.detail());
        }
        assertThat(ContractTable.mismatches(row.expect(), answer, row.extra())).as(what).isEmpty();
        row.values().forEach((pointer, value) -> assertThat(answer.at(pointer)).as(what + " at " + pointer).isEqualTo(value));
        row.capture().forEach((name, pointer) -> VARIABLES.put(name, answer.at(pointer).asString()));
    }

    private static Http.Response send(String method, String path, String body, String contentType) {
        return switch (method) {
            case "GET" -> api.get(path);
            case "POST" -> body == null ? api.post(path) : api.post(path, body, contentType);
            case "PUT" -> api.put(path, body);
            case "DELETE" -> api.delete(path);
            default -> throw new IllegalArgumentException("method " + method);
        };
    }
}
