package io.aviary.bot.mqtt;

import static io.aviary.bot.mqtt.HummingbotApiClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.aviary.bot.events.FundingPaymentCompleted;
import io.aviary.bot.events.MqttSettings;
import io.aviary.bot.events.OrderCancelled;
import io.aviary.bot.events.OrderCompleted;
import io.aviary.bot.events.OrderCreated;
import io.aviary.bot.events.OrderFailed;
import io.aviary.bot.events.OrderFilled;
import io.aviary.bot.events.TradeFee;
import io.aviary.bot.mqtt.CommandRequest.BalanceLimitRequest;
import io.aviary.bot.mqtt.CommandRequest.BalancePaperRequest;
import io.aviary.bot.mqtt.CommandRequest.ConfigRequest;
import io.aviary.bot.mqtt.CommandRequest.HistoryRequest;
import io.aviary.bot.mqtt.CommandRequest.ImportRequest;
import io.aviary.bot.mqtt.CommandRequest.StartRequest;
import io.aviary.bot.mqtt.CommandRequest.StatusRequest;
import io.aviary.bot.mqtt.CommandRequest.StopRequest;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.bot.runtime.PerformanceReport;
import io.aviary.bot.runtime.PositionSummary;
import io.aviary.connectors.model.TradeType;
import io.aviary.strategy.executor.CloseType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The bridge against a real broker, with a Paho client playing the Hummingbot API: the RPC commands and their reply
 * envelope (internals §1.4), the telemetry payloads (§1.5), availability with the last will, and broker restarts.
 * Run once per broker by its subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BridgeContract {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final AtomicInteger BOTS = new AtomicInteger();
  private static final AtomicInteger REPLIES = new AtomicInteger();

  private TestBroker broker;
  private String prefix;
  private RecordingBotCommands commands;
  private CuttableSocketFactory sockets;
  private BotMqttBridge bridge;
  private HummingbotApiClient api;
  private long startedNanos;

  /** A broker on a free port, not started yet. */
  abstract TestBroker newBroker(Path dir) throws Exception;

  @BeforeAll
  void startBroker() throws Exception {
    broker = newBroker(Files.createTempDirectory("bot-mqtt-broker"));
    broker.start();
  }

  @AfterAll
  void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @BeforeEach
  void startBridge() throws Exception {
    String instanceId = "bot" + BOTS.incrementAndGet() + "-20250101-120000";
    prefix = "hbot/" + instanceId;
    api = new HummingbotApiClient(broker.port(), prefix);
    commands = new RecordingBotCommands();
    sockets = new CuttableSocketFactory();
    startedNanos = System.nanoTime();
    bridge = newBridge(instanceId);
    bridge.start();
    assertThat(bridge.awaitConnected(WAIT)).isTrue();
    api.await(prefix + "/status_updates", WAIT);
  }

  private BotMqttBridge newBridge(String instanceId) {
    MqttSettings settings = new MqttSettings(instanceId, "127.0.0.1", broker.port(), "", "", "hbot", false, true,
        true, true, true);
    BridgeOptions options = BridgeOptions.defaults()
        .withHeartbeatInterval(Duration.ofMillis(300))
        .withCommandTimeout(Duration.ofSeconds(2))
        .withMaxReconnectDelay(Duration.ofSeconds(1))
        .withSocketFactory(sockets);
    return new BotMqttBridge(settings, commands, options);
  }

  @AfterEach
  void stopBridge() throws Exception {
    if (bridge != null) {
      bridge.close();
    }
    if (api != null) {
      api.close();
    }
  }

  private JsonNode call(String command, String data) throws Exception {
    String replyTo = "hummingbot-api/response/" + REPLIES.incrementAndGet();
    api.request(prefix + "/" + command, replyTo, data);
    JsonNode reply = api.await(replyTo, WAIT).json();
    assertThat(reply.propertyNames()).containsExactly("header", "data");
    JsonNode header = reply.get("header");
    assertThat(header.propertyNames()).containsExactly("reply_to", "timestamp", "content_type", "encoding", "agent");
    assertThat(header.get("reply_to").asString()).isEmpty();
    assertThat(header.get("content_type").asString()).isEqualTo("json");
    assertThat(header.get("encoding").asString()).isEqualTo("utf8");
    assertThat(header.get("agent").asString()).isEqualTo("commlib");
    assertThat(header.get("timestamp").asLong()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    return reply.get("data");
  }

  private static JsonNode tree(String json) {
    return JSON.readTree(json);
  }

  // ---- availability and heartbeat

  @Test
  void announcesOnlineAndSendsTheFirstHeartbeatWithinThreeSeconds() {
    JsonNode online = api.await(prefix + "/status_updates", WAIT).json();
    assertThat(online.propertyNames()).containsExactly("timestamp", "type", "msg");
    assertThat(online.get("type").asString()).isEqualTo("availability");
    assertThat(online.get("msg").asString()).isEqualTo("online");
    assertThat(online.get("timestamp").asLong())
        .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));

    HummingbotApiClient.Received hb = api.await(prefix + "/hb", WAIT);
    assertThat(Duration.ofNanos(hb.receivedNanos() - startedNanos)).isLessThan(Duration.ofSeconds(3));
    assertThat(hb.json().propertyNames()).containsExactly("ts");
    long micros = hb.json().get("ts").asLong();
    assertThat(micros / 1_000).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    // the heartbeat keeps coming at its interval
    await().atMost(WAIT).until(() -> api.on(prefix + "/hb").size() >= 3);
  }

  // ---- RPC: every command and its reply (§1.4)

  @Test
  void startRepliesAndReceivesTheApisFields() throws Exception {
    JsonNode data = call("start", "{\"log_level\": null, \"script\": \"v2_with_controllers.py\", "
        + "\"conf\": \"conf_v2.yml\", \"is_quickstart\": false, \"async_backend\": true}");
    assertThat(data).isEqualTo(tree("{\"status\": 200, \"msg\": \"\"}"));
    assertThat(commands.last(StartRequest.class))
        .isEqualTo(new StartRequest(null, "v2_with_controllers.py", "conf_v2.yml", false, true));
  }

  @Test
  void stopRepliesAndPassesSkipOrderCancellation() throws Exception {
    JsonNode data = call("stop", "{\"skip_order_cancellation\": true, \"async_backend\": true}");
    assertThat(data).isEqualTo(tree("{\"status\": 200, \"msg\": \"\"}"));
    assertThat(commands.last(StopRequest.class)).isEqualTo(new StopRequest(true, true));
    call("stop", "{}");
    assertThat(commands.last(StopRequest.class)).isEqualTo(new StopRequest(false, true));
  }

  @Test
  void statusRepliesWithTheStatusText() throws Exception {
    JsonNode data = call("status", "{\"async_backend\": false}");
    assertThat(data).isEqualTo(
        tree("{\"status\": 200, \"msg\": \"pmm_btc_1: running, 2 active executors\", \"data\": \"\"}"));
    assertThat(commands.last(StatusRequest.class)).isEqualTo(new StatusRequest(false));
  }

  @Test
  void historyRepliesWithTradesInTheBountyApiShape() throws Exception {
    // the request data and the trade item are internals §1.4's examples
    JsonNode data = call("history", "{\"days\": 0, \"verbose\": false, \"precision\": null, \"async_backend\": false}");
    assertThat(data).isEqualTo(tree("""
        {"status": 200, "msg": "", "trades": [
          {"market": "binance_perpetual", "trade_id": "5061553212", "price": "94012.1", "quantity": "0.001",
           "symbol": "BTC-USDT", "trade_timestamp": 1735733000000, "trade_type": "BUY",
           "base_asset": "BTC", "quote_asset": "USDT",
           "raw_json": {"trade_fee": {"fee_type": "AddedToCost", "percent": "0.0002", "percent_token": "USDT",
                                      "flat_fees": []}}}]}"""));
    assertThat(commands.last(HistoryRequest.class)).isEqualTo(new HistoryRequest(BigDecimal.ZERO, false, null, false));
    // numbers and booleans as strings, unknown fields: read like pydantic does
    call("history", "{\"days\": \"1.5\", \"precision\": \"3\", \"async_backend\": \"false\", \"extra\": 1}");
    assertThat(commands.last(HistoryRequest.class))
        .isEqualTo(new HistoryRequest(new BigDecimal("1.5"), false, 3, false));
  }

  @Test
  void configAcceptsPairsAndTheApisDictAndRepliesWithChangesAndConfig() throws Exception {
    JsonNode data = call("config", "{\"params\": [[\"max_global_drawdown_quote\", 50], [\"mode\", \"x\"]]}");
    assertThat(data).isEqualTo(tree("""
        {"status": 200, "msg": "", "changes": [["max_global_drawdown_quote", 50], ["mode", "x"]],
         "config": {"client": {"instance_id": "bot1"}, "strategy": {"max_global_drawdown_quote": 100.0}}}"""));
    call("config", "{\"params\": {\"max_global_drawdown_quote\": 50}}");
    assertThat(commands.last(ConfigRequest.class).params())
        .containsExactly(new ConfigParam("max_global_drawdown_quote", 50L));
  }

  @Test
  void importReplies() throws Exception {
    assertThat(call("import", "{\"strategy\": \"conf_v2_1\"}")).isEqualTo(tree("{\"status\": 200, \"msg\": \"\"}"));
    assertThat(commands.last(ImportRequest.class)).isEqualTo(new ImportRequest("conf_v2_1"));
  }

  @Test
  void balanceLimitAndPaperReplyWithNullData() throws Exception {
    assertThat(call("balance/limit", "{\"exchange\": \"binance\", \"asset\": \"USDT\", \"amount\": \"-1\"}"))
        .isEqualTo(tree("{\"status\": 200, \"msg\": \"\", \"data\": null}"));
    assertThat(commands.last(BalanceLimitRequest.class))
        .isEqualTo(new BalanceLimitRequest("binance", "USDT", new BigDecimal("-1")));
    assertThat(call("balance/paper", "{\"asset\": \"USDT\", \"amount\": 1000.5}"))
        .isEqualTo(tree("{\"status\": 200, \"msg\": \"\", \"data\": null}"));
    assertThat(commands.last(BalancePaperRequest.class))
        .isEqualTo(new BalancePaperRequest("USDT", new BigDecimal("1000.5")));
  }

  @Test
  void noReplyWhenReplyToIsEmptyOrMissing() throws Exception {
    String replyTo = "hummingbot-api/response/" + REPLIES.incrementAndGet();
    api.request(prefix + "/stop", "", "{}");
    api.request(prefix + "/stop", null, "{}");
    await().atMost(WAIT).until(() -> commands.requests.size() == 2);
    api.request(prefix + "/status", replyTo, "{}");
    api.await(replyTo, WAIT);
    assertThat(api.on(replyTo)).hasSize(1);
    assertThat(api.on("")).isEmpty();
  }

  @Test
  void invalidRequestsGet400AndNeverReachTheBot() throws Exception {
    assertThat(call("import", "{}"))
        .isEqualTo(tree("{\"status\": 400, \"msg\": \"Invalid request: strategy: field required\"}"));
    assertThat(call("history", "{\"days\": \"abc\"}")).isEqualTo(
        tree("{\"status\": 400, \"msg\": \"Invalid request: days: expected a number\", \"trades\": []}"));
    assertThat(call("balance/limit", "{\"exchange\": \"binance\", \"asset\": \"USDT\"}")).isEqualTo(
        tree("{\"status\": 400, \"msg\": \"Invalid request: amount: field required\", \"data\": null}"));
    assertThat(call("stop", "5").get("status").asInt()).isEqualTo(400);
    // a non-JSON payload is dropped; the next command still works
    api.publishRaw(prefix + "/status", "not json {");
    assertThat(call("status", "{}").get("status").asInt()).isEqualTo(200);
    assertThat(commands.requests).hasSize(1).first().isInstanceOf(StatusRequest.class);
  }

  @Test
  void handlerFailureAndTimeoutGiveABounded400() throws Exception {
    commands.failStopWith = new IllegalStateException("x".repeat(5_000));
    JsonNode failed = call("stop", "{}");
    assertThat(failed.get("status").asInt()).isEqualTo(400);
    assertThat(failed.get("msg").asString()).startsWith("xxx").hasSizeLessThanOrEqualTo(300);

    commands.failStopWith = null;
    commands.blockStop = new CountDownLatch(1);
    try {
      assertThat(call("stop", "{}")).isEqualTo(tree("{\"status\": 400, \"msg\": \"stop command timed out\"}"));
    } finally {
      commands.blockStop.countDown();
    }
  }

  // ---- telemetry (§1.5)

  @Test
  void performanceReportHasHummingbotsShape() {
    PositionSummary position = new PositionSummary("binance", "BTC-USDT", 50.0,
        io.aviary.strategy.executor.TradeType.BUY, 0.0005, 94000.0, -0.05, 0.0, 0.03);
    PerformanceReport performance = new PerformanceReport("pmm_btc_1", 1.2345, -0.05, 0.9805, -0.0397, 1.1845,
        0.9408, 125.9, List.of(position), Map.of(CloseType.TAKE_PROFIT, 3, CloseType.EARLY_STOP, 12));
    bridge.publishPerformance(Map.of("pmm_btc_1", new ControllerReport(performance, Map.of()),
        "pmm_eth_1", new ControllerReport(null, null)));
    JsonNode report = api.await(prefix + "/performance", WAIT).json();
    assertThat(report).isEqualTo(tree("""
        {
          "pmm_btc_1": {
            "performance": {
              "realized_pnl_quote": 1.2345, "unrealized_pnl_quote": -0.05,
              "unrealized_pnl_pct": -0.0397, "realized_pnl_pct": 0.9805,
              "global_pnl_quote": 1.1845, "global_pnl_pct": 0.9408, "volume_traded": 125.9,
              "positions_summary": [
                {"connector_name": "binance", "trading_pair": "BTC-USDT", "volume_traded_quote": 50.0,
                 "side": "TradeType.BUY", "amount": 0.0005, "breakeven_price": 94000.0,
                 "unrealized_pnl_quote": -0.05, "realized_pnl_quote": 0.0, "cum_fees_quote": 0.03}
              ],
              "close_type_counts": {"CloseType.TAKE_PROFIT": 3, "CloseType.EARLY_STOP": 12}
            },
            "custom_info": {}
          },
          "pmm_eth_1": {"performance": {}, "custom_info": {}}
        }"""));
  }

  @Test
  void orderFilledEventMatchesHummingbotsExample() {
    bridge.publishEvent(new OrderFilled(1735733000123L, "x-MG43PCSNBBTUT60dd4a1f8", "8389765", "5061553212",
        "binance_perpetual", "BTC-USDT", TradeType.BUY, OrderType.LIMIT, new BigDecimal("94012.1"),
        new BigDecimal("0.001"), new TradeFee("AddedToCost", new BigDecimal("0.0002"), null, List.of()),
        new BigDecimal("0.0188"), 20, PositionAction.OPEN));
    assertThat(api.await(prefix + "/events", WAIT).json()).isEqualTo(tree("""
        {"timestamp": 1735733000, "type": "OrderFilled",
         "data": {"order_id": "x-MG43PCSNBBTUT60dd4a1f8", "trading_pair": "BTC-USDT", "trade_type": "TradeType.BUY",
                  "order_type": "OrderType.LIMIT", "price": 94012.1, "amount": 0.001,
                  "trade_fee": {"fee_type": "AddedToCost", "percent": "0.0002", "percent_token": null, "flat_fees": []},
                  "exchange_trade_id": "5061553212", "exchange_order_id": "8389765", "leverage": 20, "position": "OPEN"}}"""));
  }

  @Test
  void everyOtherEventCarriesItsHummingbotFields() {
    bridge.publishEvent(new OrderCreated(1735733000500L, "o1", "e1", "binance", "BTC-USDT", TradeType.SELL,
        OrderType.MARKET, new BigDecimal("0.01"), null, 1, PositionAction.NIL, "pmm_btc_1"));
    bridge.publishEvent(new OrderCompleted(1735733001000L, "o1", "e1", "binance", "BTC-USDT", TradeType.SELL, "BTC",
        "USDT", new BigDecimal("0.01"), new BigDecimal("940.1"), OrderType.MARKET));
    bridge.publishEvent(new OrderCancelled(1735733002000L, "o2", "e2"));
    bridge.publishEvent(new OrderFailed(1735733003000L, "o3", OrderType.LIMIT_MAKER, "post only rejected", "Reject"));
    bridge.publishEvent(new FundingPaymentCompleted(1735733004000L, "binance_perpetual", "BTC-USDT",
        new BigDecimal("-0.5"), new BigDecimal("0.0001")));
    await().atMost(WAIT).until(() -> api.on(prefix + "/events").size() == 5);
    List<HummingbotApiClient.Received> events = api.on(prefix + "/events");

    // a MARKET order has no price: the bare NaN token, as ujson writes Decimal("NaN")
    assertThat(events.get(0).payload()).contains("\"price\":NaN");
    assertThat(events.get(0).json()).isEqualTo(tree("""
        {"timestamp": 1735733000, "type": "SellOrderCreated",
         "data": {"type": "OrderType.MARKET", "trading_pair": "BTC-USDT", "amount": 0.01, "price": NaN,
                  "order_id": "o1", "creation_timestamp": 1735733000.5, "exchange_order_id": "e1", "leverage": 1,
                  "position": "NIL"}}"""));
    assertThat(events.get(0).json().get("data").propertyNames()).containsExactly("type", "trading_pair", "amount",
        "price", "order_id", "creation_timestamp", "exchange_order_id", "leverage", "position");
    assertThat(events.get(1).json()).isEqualTo(tree("""
        {"timestamp": 1735733001, "type": "SellOrderCompleted",
         "data": {"order_id": "o1", "base_asset": "BTC", "quote_asset": "USDT", "base_asset_amount": 0.01,
                  "quote_asset_amount": 940.1, "order_type": "OrderType.MARKET", "exchange_order_id": "e1"}}"""));
    assertThat(events.get(2).json()).isEqualTo(tree("""
        {"timestamp": 1735733002, "type": "OrderCancelled", "data": {"order_id": "o2", "exchange_order_id": "e2"}}"""));
    assertThat(events.get(3).json()).isEqualTo(tree("""
        {"timestamp": 1735733003, "type": "OrderFailure",
         "data": {"order_id": "o3", "order_type": "OrderType.LIMIT_MAKER", "error_message": "post only rejected",
                  "error_type": "Reject"}}"""));
    assertThat(events.get(4).json()).isEqualTo(tree("""
        {"timestamp": 1735733004, "type": "FundingPaymentCompleted",
         "data": {"market": "binance_perpetual", "trading_pair": "BTC-USDT", "amount": -0.5, "funding_rate": 0.0001}}"""));
  }

  @Test
  void notifyKeepsHummingbotsUnsetSeqAndTimestamp() {
    bridge.notify("Strategy started");
    assertThat(api.await(prefix + "/notify", WAIT).payload())
        .isEqualTo("{\"seq\":0,\"timestamp\":\"-1\",\"msg\":\"Strategy started\"}");
  }

  @Test
  void logRecordsAreForwardedAsLogMessages() {
    MqttLogAppender appender = MqttLogAppender.install(bridge, Level.INFO);
    try {
      LoggerFactory.getLogger("hummingbot.strategy.test").info("Created LIMIT BUY order {}", "x-1");
      LoggerFactory.getLogger("hummingbot.strategy.test").warn("venue slow", new IllegalStateException("timeout"));
      LoggerFactory.getLogger("hummingbot.strategy.test").debug("below the threshold");
      await().atMost(WAIT).until(() -> api.on(prefix + "/log").size() >= 2);
    } finally {
      appender.detach();
    }
    List<JsonNode> logs = new ArrayList<>();
    api.on(prefix + "/log").forEach(r -> logs.add(r.json()));
    JsonNode info = logs.stream().filter(l -> l.get("msg").asString().startsWith("Created")).findFirst().orElseThrow();
    assertThat(info.propertyNames()).containsExactly("timestamp", "msg", "level_no", "level_name", "logger_name");
    assertThat(info.get("msg").asString()).isEqualTo("Created LIMIT BUY order x-1");
    assertThat(info.get("level_no").asInt()).isEqualTo(20);
    assertThat(info.get("level_name").asString()).isEqualTo("INFO");
    assertThat(info.get("logger_name").asString()).isEqualTo("hummingbot.strategy.test");
    assertThat(info.get("timestamp").isFloatingPointNumber()).isTrue();
    assertThat(info.get("timestamp").asDouble() * 1000)
        .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000.0));
    JsonNode warn = logs.stream().filter(l -> l.get("msg").asString().startsWith("venue slow")).findFirst()
        .orElseThrow();
    assertThat(warn.get("level_no").asInt()).isEqualTo(30);
    assertThat(warn.get("level_name").asString()).isEqualTo("WARNING");
    assertThat(warn.get("msg").asString()).contains("java.lang.IllegalStateException: timeout");
    assertThat(logs).noneMatch(l -> l.get("msg").asString().contains("below the threshold"));
  }

  // ---- availability on failures

  @Test
  void lastWillSaysOfflineWhenTheConnectionDiesThenTheBridgeComesBackOnline() throws Exception {
    api.clear();
    sockets.cutAll();
    JsonNode offline = api.await(prefix + "/status_updates", json -> "offline".equals(json.get("msg").asString()),
        WAIT).json();
    assertThat(offline.propertyNames()).containsExactly("timestamp", "type", "msg");
    assertThat(offline.get("type").asString()).isEqualTo("availability");
    api.await(prefix + "/status_updates", json -> "online".equals(json.get("msg").asString()), WAIT);
    assertThat(call("status", "{}").get("status").asInt()).isEqualTo(200);
  }

  @Test
  void cleanCloseSaysOffline() {
    api.clear();
    bridge.close();
    api.await(prefix + "/status_updates", json -> "offline".equals(json.get("msg").asString()), WAIT);
    assertThat(bridge.isConnected()).isFalse();
  }

  @Test
  void aBotStartedBeforeItsBrokerConnectsWhenTheBrokerComesUp() throws Exception {
    api.close();
    bridge.close();
    broker.stop();
    String instanceId = "bot" + BOTS.incrementAndGet() + "-20250101-120000";
    prefix = "hbot/" + instanceId;
    bridge = newBridge(instanceId);
    bridge.start();
    assertThat(bridge.awaitConnected(Duration.ofMillis(1_500))).isFalse();
    broker.start();
    api = new HummingbotApiClient(broker.port(), prefix);
    assertThat(bridge.awaitConnected(WAIT)).isTrue();
    api.await(prefix + "/hb", WAIT);
    assertThat(call("status", "{}").get("status").asInt()).isEqualTo(200);
  }

  @Test
  void brokerRestartReconnectsResubscribesAndAnnouncesOnlineAgain() throws Exception {
    api.close();
    broker.stop();
    await().atMost(WAIT).until(() -> !bridge.isConnected());
    broker.start();
    api = new HummingbotApiClient(broker.port(), prefix);
    api.await(prefix + "/status_updates", json -> "online".equals(json.get("msg").asString()),
        Duration.ofSeconds(20));
    assertThat(bridge.awaitConnected(WAIT)).isTrue();
    assertThat(call("status", "{}").get("status").asInt()).isEqualTo(200);
    api.clear();
    await().atMost(WAIT).until(() -> !api.on(prefix + "/hb").isEmpty()); // the heartbeat resumed
  }
}
