package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.Topics;
import io.aviary.common.events.trading.BalancesUpdated;
import io.aviary.common.events.trading.BalancesUpdated.AssetBalance;
import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.registry.StandardConnectors;
import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.devstack.RunningSuite;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portfolio end to end: BalancesUpdated envelopes on {@code aviary.trading.events} (as
 * trading-service publishes them) → accounts-service prices them on the sim venue and stores state
 * and history → {@code /portfolio/*} through the gateway, in ca19b95's GET shapes and the v1.0.2
 * client's POST shapes.
 */
class PortfolioThroughGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int HISTORY_STEPS = 12;

    private static RunningSuite suite;
    private static Http api;
    private static EventPublisher events;
    private static ConnectorFactory sim;
    private static String a;
    private static String b;
    private static Map<String, List<Balance>> venueBalances;
    /** Synthetic history lies two hours back, away from any balance poll of this run. */
    private static Instant base;

    @BeforeAll
    static void publishBalances() {
        suite = RunningSuite.get();
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        events = new EventPublisher(suite.kafkaBootstrap(), "system-test");
        sim = StandardConnectors.registry(URI.create(suite.serviceUrl("sim-exchange")), VenueSettings.defaults())
                .find("sim").orElseThrow();
        a = accountWithSimCredential("pf_a");
        b = accountWithSimCredential("pf_b");
        venueBalances = Map.of(a, balancesOnTheVenue(a), b, balancesOnTheVenue(b));
        base = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        // Two accounts observed at the same instants: every timestamp of the history is shared.
        for (int i = 0; i < HISTORY_STEPS; i++) {
            for (String account : List.of(a, b)) {
                events.publish(Topics.TRADING, new BalancesUpdated(account, "sim",
                        List.of(usdt(1000 + i), asset("BTC", "0.5")), base.plusSeconds(i)));
            }
        }
        // The current state: the balances the venue really holds for these keys.
        for (String account : List.of(a, b)) {
            events.publish(Topics.TRADING, new BalancesUpdated(account, "sim", asEvent(venueBalances.get(account)),
                    Instant.now()));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                historyWindow(a, b).size() == 2 * HISTORY_STEPS && state(a, b).has(a) && state(a, b).has(b));
    }

    @AfterAll
    static void closePublisher() {
        if (events != null) {
            events.close();
        }
    }

    @Test
    void stateShowsTheVenueBalancesPricedAtVenuePrices() {
        JsonNode state = state(a, b);
        assertThat(state.propertyNames()).containsExactlyInAnyOrder(a, b);
        Map<TradingPair, BigDecimal> prices = sim.marketData().lastPrices(List.of(TradingPair.parse("BTC-USDT"),
                TradingPair.parse("ETH-USDT"), TradingPair.parse("SOL-USDT")));
        for (String account : List.of(a, b)) {
            JsonNode tokens = state.get(account).get("sim");
            List<Balance> nonZero = venueBalances.get(account).stream().filter(x -> x.total().signum() != 0).toList();
            assertThat(tokens).hasSize(nonZero.size());
            for (JsonNode entry : tokens) {
                String token = entry.get("token").asString();
                Balance venue = nonZero.stream().filter(x -> x.asset().equals(token)).findFirst().orElseThrow();
                assertThat(entry.get("units").decimalValue()).isEqualByComparingTo(venue.total());
                assertThat(entry.get("available_units").decimalValue()).isEqualByComparingTo(venue.available());
                double price = entry.get("price").asDouble();
                if (token.contains("USD")) {
                    assertThat(price).isEqualTo(1.0);
                } else {
                    double now = prices.get(TradingPair.parse(token + "-USDT")).doubleValue();
                    assertThat(price).as(token).isCloseTo(now, within(now * 0.02));
                }
                assertThat(entry.get("value").asDouble()).isCloseTo(entry.get("units").asDouble() * price, within(1e-6));
            }
        }
        JsonNode onlyA = json(api.postJson("/portfolio/state", "{\"account_names\":[\"" + a + "\"]}"));
        assertThat(onlyA.propertyNames()).containsExactly(a);
        assertThat(onlyA.get(a)).isEqualTo(state.get(a));
        assertThat(json(api.get("/portfolio/state?account_names=" + a)).get(a)).isEqualTo(state.get(a));
        assertThat(json(api.postJson("/portfolio/state", "{\"account_names\":[\"" + a + "\"],\"connector_names\":[\"kraken\"]}"))
                .has(a)).isFalse();
    }

    @Test
    void historyPagesCoverEveryItemOnceInBothShapes() {
        List<String> viaGet = new ArrayList<>();
        String query = "/portfolio/history?account_names=" + a + "&account_names=" + b + "&limit=5&start_time="
                + enc(base.toString()) + "&end_time=" + enc(base.plusSeconds(HISTORY_STEPS - 1).toString());
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            JsonNode body = json(api.get(query + (cursor == null ? "" : "&cursor=" + enc(cursor))));
            JsonNode pagination = body.get("pagination");
            assertThat(pagination.get("limit").asInt()).isEqualTo(5);
            assertThat(body.get("data").size()).isLessThanOrEqualTo(5);
            assertThat(pagination.get("filters").get("account_names")).hasSize(2);
            assertThat(pagination.get("filters").get("start_time").asString()).isEqualTo(base.toString().replace("Z", "+00:00"));
            body.get("data").forEach(item -> viaGet.add(key(item)));
            cursor = pagination.get("next_cursor").isNull() ? null : pagination.get("next_cursor").asString();
            assertThat(pagination.get("has_more").asBoolean()).isEqualTo(cursor != null);
            if (cursor == null) {
                break;
            }
        }
        assertThat(viaGet).hasSize(2 * HISTORY_STEPS).doesNotHaveDuplicates();
        assertThat(viaGet).isSortedAccordingTo((x, y) -> y.substring(0, 32).compareTo(x.substring(0, 32)));

        // The v1.0.2 client: POST with epoch-millisecond ints, another page size.
        List<String> viaPost = new ArrayList<>();
        cursor = null;
        do {
            String body = "{\"account_names\":[\"" + a + "\",\"" + b + "\"],\"limit\":7,\"start_time\":"
                    + base.toEpochMilli() + ",\"end_time\":" + base.plusSeconds(HISTORY_STEPS - 1).toEpochMilli()
                    + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}";
            JsonNode page = json(api.postJson("/portfolio/history", body));
            page.get("data").forEach(item -> viaPost.add(key(item)));
            cursor = page.get("pagination").get("next_cursor").isNull() ? null
                    : page.get("pagination").get("next_cursor").asString();
        } while (cursor != null);
        assertThat(viaPost).isEqualTo(viaGet);

        // epoch seconds (what the client's docstring says) select the same window
        JsonNode seconds = json(api.postJson("/portfolio/history", "{\"account_names\":[\"" + a + "\"],\"limit\":1000,"
                + "\"start_time\":" + base.getEpochSecond() + ",\"end_time\":" + (base.getEpochSecond() + HISTORY_STEPS - 1) + "}"));
        assertThat(seconds.get("data")).hasSize(HISTORY_STEPS);
        JsonNode oldest = seconds.get("data").get(HISTORY_STEPS - 1);
        assertThat(oldest.get("state").get(a).get("sim").get(0).get("token").asString()).isEqualTo("USDT");
        assertThat(oldest.get("state").get(a).get("sim").get(0).get("units").decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void aRedeliveredEnvelopeIsAppliedOnceAndAnOlderOneLeavesTheStateAlone() throws Exception {
        Instant at = base.plusSeconds(600);
        EventEnvelope old = events.envelope(new BalancesUpdated(a, "sim", List.of(usdt(7)), at));
        events.publish(Topics.TRADING, old);
        events.publish(Topics.TRADING, old);
        // Same key, same partition, after the duplicate: once it is visible, the duplicate was handled.
        events.publish(Topics.TRADING, new BalancesUpdated(a, "sim", List.of(usdt(8)), at.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> history(a, at, at.plusSeconds(1)).size() == 2);
        assertThat(history(a, at, at)).hasSize(1);
        assertThat(countRows("SELECT count(*) FROM accounts.event_inbox WHERE event_id = ?", old.id())).isEqualTo(1);
        // both were older than the current state: it still holds the venue balances
        assertThat(state(a, b).get(a).get("sim").size()).isGreaterThan(1);
    }

    @Test
    void distributionsAggregateSeveralAccountsAndHonourFilters() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode state = state(a, b);
            double valueA = total(state.get(a));
            double valueB = total(state.get(b));

            JsonNode viaGet = json(api.get("/portfolio/distribution?account_names=" + a + "&account_names=" + b));
            JsonNode viaPost = json(api.postJson("/portfolio/distribution", "{\"account_names\":[\"" + a + "\",\"" + b + "\"]}"));
            assertThat(viaPost).isEqualTo(viaGet);
            assertThat(viaGet.get("total_portfolio_value").asDouble()).isCloseTo(valueA + valueB, within(1e-5));
            assertThat(viaGet.get("account_filter").asString()).isEqualTo(String.join(",", new java.util.TreeSet<>(List.of(a, b))));
            assertThat(viaGet.get("token_count").asInt()).isEqualTo(viaGet.get("distribution").size()).isPositive();
            double percentages = 0;
            for (JsonNode token : viaGet.get("distribution")) {
                assertThat(token.get("accounts").propertyNames()).containsExactlyInAnyOrder(a, b);
                percentages += token.get("percentage").asDouble();
            }
            assertThat(percentages).isCloseTo(100, within(0.01));

            JsonNode accounts = json(api.get("/portfolio/accounts-distribution?account_names=" + a + "&account_names=" + b));
            assertThat(accounts.get("account_count").asInt()).isEqualTo(2);
            assertThat(accounts.get("total_portfolio_value").asDouble()).isCloseTo(valueA + valueB, within(1e-5));
            double shareA = 0;
            for (JsonNode account : accounts.get("distribution")) {
                if (account.get("account").asString().equals(a)) {
                    shareA = account.get("percentage").asDouble();
                }
            }
            assertThat(shareA).isCloseTo(100 * valueA / (valueA + valueB), within(0.001));

            JsonNode filtered = json(api.postJson("/portfolio/accounts-distribution",
                    "{\"account_names\":[\"" + a + "\"],\"connector_names\":[\"sim\"]}"));
            assertThat(filtered.get("account_count").asInt()).isEqualTo(1);
            assertThat(filtered.get("distribution").get(0).get("account").asString()).isEqualTo(a);
            assertThat(filtered.get("distribution").get(0).get("percentage").asDouble()).isEqualTo(100.0);
            assertThat(filtered.get("distribution").get(0).get("connectors").get("sim").get("value").asDouble())
                    .isCloseTo(valueA, within(1e-5));
        });
        JsonNode none = json(api.postJson("/portfolio/accounts-distribution", "{\"account_names\":[\"nobody_here\"]}"));
        assertThat(none.get("account_count").asInt()).isZero();
        assertThat(none.get("total_portfolio_value").asDouble()).isZero();
    }

    @Test
    void badInputIsRefusedWithWhatToFix() {
        Http.Response cursor = api.get("/portfolio/history?cursor=not-a-time");
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.body()).contains("Invalid cursor 'not-a-time'");
        assertThat(api.postJson("/portfolio/history", "{\"cursor\":\"2025-13-45\"}").status()).isEqualTo(400);
        assertThat(api.get("/portfolio/history?limit=0").body()).contains("\"loc\":[\"query\",\"limit\"]");
        assertThat(api.get("/portfolio/history?limit=0").status()).isEqualTo(422);
        assertThat(api.postJson("/portfolio/history", "{\"limit\":1001}").status()).isEqualTo(422);
        Http.Response time = api.postJson("/portfolio/history", "{\"start_time\":\"yesterday\"}");
        assertThat(time.status()).isEqualTo(422);
        assertThat(time.body()).contains("\"loc\":[\"body\",\"start_time\"]");
        assertThat(api.get("/portfolio/history?start_time=2025-07-02&end_time=2025-07-01").status()).isEqualTo(400);
        assertThat(api.postJson("/portfolio/state", "[1,2]").status()).isEqualTo(422);
    }

    @Test
    void removingACredentialDropsItsStateButKeepsItsHistory() {
        String c = accountWithSimCredential("pf_c");
        events.publish(Topics.TRADING, new BalancesUpdated(c, "sim", List.of(usdt(42)), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> state(c).has(c));
        assertThat(api.post("/accounts/delete-credential/" + c + "/sim").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !state(c).has(c));
        // kept: the observation published here, and any trading-service made of the real key's balances meanwhile
        JsonNode kept = json(api.get("/portfolio/history?account_names=" + c)).get("data");
        assertThat(kept.toString()).contains("\"units\":42");
        // a late poll of the removed credential does not bring the state back
        events.publish(Topics.TRADING, new BalancesUpdated(c, "sim", List.of(usdt(43)), Instant.now()));
        events.publish(Topics.TRADING, new BalancesUpdated(a, "sim", List.of(usdt(9)), base.plusSeconds(900)));
        await().atMost(Duration.ofSeconds(30)).until(() -> history(a, base.plusSeconds(900), base.plusSeconds(900)).size() == 1);
        assertThat(state(c).has(c)).isFalse();
        assertThat(json(api.get("/portfolio/history?account_names=" + c)).get("data")).hasSize(kept.size());
    }

    // --- helpers ---

    private static String accountWithSimCredential(String prefix) {
        String account = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/accounts/add-account?account_name=" + account).status()).isEqualTo(201);
        SimApiKeys.Created key = SimKeys.create(suite);
        keys.put(account, key);
        Http.Response added = api.postJson("/accounts/add-credential/" + account + "/sim", SimKeys.credentialJson(key, "sim"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return account;
    }

    private static final Map<String, SimApiKeys.Created> keys = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<Balance> balancesOnTheVenue(String account) {
        try (TradingConnector session = sim.trading(account, keys.get(account).credentials("sim"))) {
            return session.balances();
        }
    }

    private static List<AssetBalance> asEvent(List<Balance> balances) {
        return balances.stream().map(x -> new AssetBalance(x.asset(), x.total(), x.available())).toList();
    }

    private static AssetBalance usdt(int units) {
        return asset("USDT", Integer.toString(units));
    }

    private static AssetBalance asset(String asset, String units) {
        return new AssetBalance(asset, new BigDecimal(units), new BigDecimal(units));
    }

    private static JsonNode state(String... accounts) {
        return json(api.postJson("/portfolio/state", "{\"account_names\":" + JSON.writeValueAsString(List.of(accounts)) + "}"));
    }

    private static List<JsonNode> historyWindow(String... accounts) {
        List<JsonNode> items = new ArrayList<>();
        json(api.postJson("/portfolio/history", "{\"account_names\":" + JSON.writeValueAsString(List.of(accounts))
                + ",\"limit\":1000,\"start_time\":\"" + base + "\",\"end_time\":\"" + base.plusSeconds(HISTORY_STEPS - 1) + "\"}"))
                .get("data").forEach(items::add);
        return items;
    }

    private static List<JsonNode> history(String account, Instant from, Instant to) {
        List<JsonNode> items = new ArrayList<>();
        json(api.get("/portfolio/history?account_names=" + account + "&limit=1000&start_time=" + enc(from.toString())
                + "&end_time=" + enc(to.toString()))).get("data").forEach(items::add);
        return items;
    }

    /** "timestamp account" of a history item: identifies one snapshot of this test. */
    private static String key(JsonNode item) {
        String timestamp = item.get("timestamp").asString();
        assertThat(timestamp).hasSize(25).endsWith("+00:00");
        Set<String> accounts = new HashSet<>(item.get("state").propertyNames());
        assertThat(accounts).hasSize(1);
        return timestamp + "       " + accounts.iterator().next();
    }

    private static double total(JsonNode accountState) {
        double sum = 0;
        for (JsonNode connector : accountState) {
            for (JsonNode token : connector) {
                sum += token.get("value").asDouble();
            }
        }
        return sum;
    }

    private static JsonNode json(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static long countRows(String sql, UUID id) throws Exception {
        try (Connection c = DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
