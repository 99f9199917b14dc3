package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.devstack.RunningSuite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bot's whole life through the gateway on the embedded suite (the local-process runtime, no Docker): an account
 * with a sim key, a stored {@code pmm_simple} config, {@code deploy-v2-controllers} → Aviary's bot runs as a child
 * process of orchestration-service and reports over MQTT → it is listed running with performance, answers
 * {@code history} → stop-and-archive (MQTT stop cancelling its orders, SIGTERM, folder moved) → archive-service
 * lists its database and answers every view, and {@code BotArchived} is on Kafka. Needs gateway, sim-exchange,
 * accounts-service, trading-service, orchestration-service and archive-service, and the bot jar built.
 */
class BotLifecycleThroughGatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningSuite suite;
    private static Http api;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
    }

    @Test
    void aPmmBotIsDeployedWatchedStoppedArchivedAndAnalysed() {
        TradingDesk.open(suite, "bot_owner", "sim");
        Http.Response config = api.postJson("/controllers/configs/pmm_lifecycle", """
                {"id": "pmm_lifecycle", "controller_name": "pmm_simple", "controller_type": "market_making",
                 "connector_name": "sim", "trading_pair": "BTC-USDT", "total_amount_quote": "200",
                 "buy_spreads": [0.0005, 0.001], "sell_spreads": [0.0005, 0.001], "executor_refresh_time": 60}""");
        assertThat(config.status()).as(config.toString()).isEqualTo(201);

        Http.Response deployed = api.postJson("/bot-orchestration/deploy-v2-controllers", """
                {"instance_name": "lifecycle", "credentials_profile": "bot_owner",
                 "controllers_config": ["pmm_lifecycle"], "max_global_drawdown_quote": 50}""");
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
        String bot = json(deployed).get("unique_instance_name").asString();
        assertThat(bot).startsWith("lifecycle-");

        long deployedAt = System.nanoTime();
        JsonNode running = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get("/bot-orchestration/status")),
                        // the bot's own status (not "running" anywhere in the text: runtime_state says running from the
                        // moment its process starts) with its controller's performance
                        status -> "running".equals(status.path("data").path(bot).path("status").asString())
                                && status.path("data").path(bot).path("performance").has("pmm_lifecycle"));
        System.out.printf("bot %s running with performance %d ms after its deploy answered%n", bot,
                Duration.ofNanos(System.nanoTime() - deployedAt).toMillis());
        assertThat(running.toString()).contains("volume_traded");

        Http.Response history = api.get("/bot-orchestration/" + bot + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        int botTrades = tradesIn(json(history)).size();

        Http.Response archive = api.post("/bot-orchestration/stop-and-archive-bot/" + bot
                + "?skip_order_cancellation=false");
        assertThat(archive.status()).as(archive.toString()).isEqualTo(200);
        String jobUrl = json(archive).get("job_url").asString();
        JsonNode job = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get(jobUrl)), j -> !j.get("status").asString().equals("running")
                        && !j.get("status").asString().equals("pending"));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");

        String dbPath = "bots/archived/" + bot + "/data/" + bot + ".sqlite";
        List<String> archived = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> json(api.get("/archived-bots/")).valueStream().map(JsonNode::asString).toList(),
                        list -> list.contains(dbPath));
        assertThat(archived).contains(dbPath);
        String base = "/archived-bots/" + dbPath;
        JsonNode status = json(api.get(base + "/status"));
        assertThat(status.get("healthy").asBoolean()).as(status.toString()).isTrue();
        JsonNode summary = json(api.get(base + "/summary"));
        assertThat(summary.get("total_orders").asInt()).as("the bot quoted two levels a side").isGreaterThanOrEqualTo(4);
        assertThat(summary.get("total_controllers").asInt()).isEqualTo(1);
        JsonNode orders = json(api.get(base + "/orders?limit=100&status=OrderCancelled"));
        assertThat(orders.get("orders").size()).as("stop cancelled the bot's orders").isPositive();
        JsonNode trades = json(api.get(base + "/trades?limit=100"));
        assertThat(trades.get("pagination").get("total").asInt()).as("the archive holds at least the trades the bot "
                + "reported before its stop").isGreaterThanOrEqualTo(botTrades);
        for (String view : List.of("/performance", "/positions", "/executors", "/controllers")) {
            Http.Response answer = api.get(base + view);
            assertThat(answer.status()).as(view + ": " + answer).isEqualTo(200);
        }
        assertThat(json(api.get(base + "/controllers")).toString()).contains("pmm_lifecycle");

        List<String> events = TopicReader.rawRecords(suite.kafkaBootstrap(), "aviary.orchestration.events");
        assertThat(events).anyMatch(e -> e.contains("BotDeployed") && e.contains(bot));
        assertThat(events).anyMatch(e -> e.contains("BotArchived") && e.contains(bot));
        JsonNode runs = json(api.get("/bot-orchestration/bot-runs?bot_name="
                + URLEncoder.encode(bot, StandardCharsets.UTF_8)));
        assertThat(runs.toString()).contains("ARCHIVED");
    }

    private static List<JsonNode> tradesIn(JsonNode history) {
        return history.findValues("trades").stream().flatMap(JsonNode::valueStream).toList();
    }

    private static JsonNode json(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
