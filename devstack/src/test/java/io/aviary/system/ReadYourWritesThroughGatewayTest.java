package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What accounts-service confirmed holds for the very next trading call, like a client that acts the instant it
 * gets its answer: no polling, no sleep between the two requests. Hummingbot API opens the connector inside
 * add-credential, so its clients place orders right after it.
 */
class ReadYourWritesThroughGatewayTest {

    private static RunningSuite suite;
    private static Http api;
    private static TradingDesk venue;
    private static String restingPrice;

    @BeforeAll
    static void start() {
        suite = RunningSuite.get();
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        venue = TradingDesk.open(suite, "ryw_venue_reader", "sim");
        restingPrice = venue.bestBid("sim", "BTC-USDT").multiply(new BigDecimal("0.7")).setScale(2, RoundingMode.DOWN)
                .toPlainString();
    }

    @Test
    void anOrderRightAfterAddCredentialIsAccepted() {
        for (int i = 0; i < 5; i++) {
            String account = "ryw_add_" + i;
            created(api.post("/accounts/add-account?account_name=" + account));
            created(api.postJson("/accounts/add-credential/" + account + "/sim", SimKeys.credentialJson(SimKeys.create(suite), "sim")));

            Http.Response order = api.postJson("/trading/orders", restingBuy(account));
            assertThat(order.status()).as("order %d right after add-credential: %s", i, order).isEqualTo(201);
        }
    }

    @Test
    void anOrderRightAfterReplacingACredentialGoesToTheNewKey() {
        String account = "ryw_replace";
        created(api.post("/accounts/add-account?account_name=" + account));
        created(api.postJson("/accounts/add-credential/" + account + "/sim", SimKeys.credentialJson(SimKeys.create(suite), "sim")));
        created(api.postJson("/trading/orders", restingBuy(account)));

        SimApiKeys.Created replacement = SimKeys.create(suite);
        created(api.postJson("/accounts/add-credential/" + account + "/sim", SimKeys.credentialJson(replacement, "sim")));
        Http.Response order = api.postJson("/trading/orders", restingBuy(account));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);

        String id = JsonPath.read(order.body(), "$.order_id");
        List<OrderUpdate> onNewKey = venue.venueSessionWith("sim", replacement).openOrders(Optional.empty());
        assertThat(onNewKey).extracting(OrderUpdate::clientOrderId).contains(id);
    }

    @Test
    void tradingIsRefusedRightAfterDeleteCredential() {
        String account = "ryw_delete_credential";
        created(api.post("/accounts/add-account?account_name=" + account));
        created(api.postJson("/accounts/add-credential/" + account + "/sim", SimKeys.credentialJson(SimKeys.create(suite), "sim")));
        String id = JsonPath.read(created(api.postJson("/trading/orders", restingBuy(account))).body(), "$.order_id");

        assertThat(api.post("/accounts/delete-credential/" + account + "/sim").status()).isEqualTo(200);
        Http.Response order = api.postJson("/trading/orders", restingBuy(account));
        assertThat(order.status()).as(order.toString()).isEqualTo(404);
        Http.Response cancel = api.postJson("/trading/" + account + "/sim/orders/" + id + "/cancel", "{}");
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(404);
        assertThat(openSessions()).doesNotContain("\"account_name\":\"" + account + "\"");
    }

    @Test
    void tradingIsRefusedRightAfterDeleteAccount() {
        String account = "ryw_delete_account";
        created(api.post("/accounts/add-account?account_name=" + account));
        created(api.postJson("/accounts/add-credential/" + account + "/sim", SimKeys.credentialJson(SimKeys.create(suite), "sim")));
        created(api.postJson("/trading/orders", restingBuy(account)));

        assertThat(api.post("/accounts/delete-account?account_name=" + account).status()).isEqualTo(200);
        Http.Response order = api.postJson("/trading/orders", restingBuy(account));
        assertThat(order.status()).as(order.toString()).isEqualTo(404);
        assertThat((String) JsonPath.read(order.body(), "$.detail")).contains(account);
        assertThat(openSessions()).doesNotContain("\"account_name\":\"" + account + "\"");
    }

    @Test
    void thePortfolioReadRightAfterAFillShowsIt() {
        String account = "ryw_portfolio";
        created(api.post("/accounts/add-account?account_name=" + account));
        created(api.postJson("/accounts/add-credential/" + account + "/sim", SimKeys.credentialJson(SimKeys.create(suite), "sim")));
        // the starting balances arrive by the event path; wait for them once, bounded
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(units(account, "USDT")).isPositive());
        BigDecimal before = units(account, "ETH");

        created(api.postJson("/trading/orders", "{\"account_name\":\"" + account + "\",\"connector_name\":\"sim\","
                + "\"trading_pair\":\"ETH-USDT\",\"trade_type\":\"BUY\",\"order_type\":\"MARKET\",\"amount\":0.05}"));
        BigDecimal after = units(account, "ETH");
        assertThat(after.subtract(before)).as("ETH bought, as the portfolio shows it right after the order")
                .isGreaterThan(new BigDecimal("0.04"));
    }

    private static BigDecimal units(String account, String token) {
        Http.Response state = api.get("/portfolio/state?account_names=" + account);
        assertThat(state.status()).as(state.toString()).isEqualTo(200);
        if (!state.body().contains("\"" + account + "\"")) {
            return BigDecimal.ZERO; // no balances observed yet
        }
        List<Object> units = JsonPath.read(state.body(), "$." + account + ".sim[?(@.token == '" + token + "')].units");
        return units.isEmpty() ? BigDecimal.ZERO : new BigDecimal(units.getFirst().toString());
    }

    @Test
    void anAccountWithoutCredentialIsStillA404NamingWhatToDo() {
        String account = "ryw_no_credential";
        created(api.post("/accounts/add-account?account_name=" + account));
        Http.Response order = api.postJson("/trading/orders", restingBuy(account));
        assertThat(order.status()).as(order.toString()).isEqualTo(404);
        assertThat((String) JsonPath.read(order.body(), "$.detail")).contains("add-credential");
    }

    /** A limit buy far below the market: accepted and resting, so it never depends on the market's direction. */
    private static String restingBuy(String account) {
        return "{\"account_name\":\"" + account + "\",\"connector_name\":\"sim\",\"trading_pair\":\"BTC-USDT\","
                + "\"trade_type\":\"BUY\",\"order_type\":\"LIMIT\",\"amount\":0.001,\"price\":" + restingPrice + "}";
    }

    private static String openSessions() {
        Http.Response sessions = Http.to(suite.serviceUrl("trading-service"))
                .header("X-Aviary-Internal-Token", suite.internalToken()).get("/internal/sessions");
        assertThat(sessions.status()).as(sessions.toString()).isEqualTo(200);
        return sessions.body();
    }

    private static Http.Response created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }
}
