package io.aviary.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.exception.NotFoundException;
import io.aviary.bot.mqtt.HummingbotApiClient;
import io.aviary.bot.mqtt.MosquittoTestBroker;
import io.aviary.bot.mqtt.TestBroker;
import io.aviary.bot.paper.SqlitePaperLedger;
import io.aviary.connectors.paper.PaperAccount;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.connectors.sim.SimConnectorFactory;
import io.aviary.connectors.sim.SimVenueProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.IsRunningStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;

/**
 * The bot as a user runs it: {@code BotApplication} in its own JVM on an instance folder made by hand (credentials
 * encrypted as Hummingbot writes them), against the sim venue as its own process and Mosquitto; a Paho client plays
 * the Hummingbot API. A {@code pmm_simple} controller on the quiet SOL-USDT market (a maker rests 99.00 / 101.00,
 * so the bot quotes 99.50 / 100.50) is crossed by a taker; the fill is answered by {@code history}, seen in
 * {@code performance} and stored in the Hummingbot schema; {@code stop} cancels, {@code start} quotes again,
 * SIGTERM ends the process cleanly. A wrong {@code CONFIG_PASSWORD} ends it with exit code 2 and the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotProcessTest {
  private static final TradingPair SOL = TradingPair.parse("SOL-USDT");
  private static final String PASSWORD = "bot-test-password";
  private static final String BOT_IMAGE = "aviary/bot:local";
  private static final Duration WAIT = Duration.ofSeconds(30);
  /**
   * A bot JVM's first quotes: start, 1,000,000 PBKDF2 rounds to read its keys, reconciliation. Under 10 s on a quiet
   * machine; a CI machine whose 2 cores are saturated by other JVMs has needed over 30 s.
   */
  private static final Duration FIRST_QUOTES = Duration.ofSeconds(90);

  private SimVenueProcess venue;
  private TestBroker broker;
  private final List<TradingConnector> accounts = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private Process bot;

  @BeforeAll
  void startVenueAndBroker(@TempDir Path logs) throws Exception {
    Path mosquitto = MosquittoTestBroker.findBinary();
    Assumptions.assumeTrue(mosquitto != null, "mosquitto is not installed (apt-get install -y mosquitto)");
    broker = new MosquittoTestBroker(mosquitto, logs.resolve("mosquitto.log"), TestBroker.freePort());
    broker.start();
    venue = SimVenueProcess.start(Map.of("SIM_EXCHANGE_QUIET_MARKETS", "spot:SOL-USDT"));
  }

  @AfterAll
  void stopVenueAndBroker() throws Exception {
    if (venue != null) {
      venue.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @AfterEach
  void cleanUp() throws InterruptedException {
    if (bot != null && bot.isAlive()) {
      bot.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    for (TradingConnector account : accounts) {
      for (OrderUpdate o : account.openOrders(Optional.of(SOL))) {
        account.cancelOrder(SOL, o.clientOrderId());
      }
      account.close();
    }
    accounts.clear();
  }

  @Test
  void aPmmBotQuotesRecordsAFillAnswersCommandsAndStopsCleanly(@TempDir Path instance) throws Exception {
    SimApiKeys.Created botKey = SimApiKeys.create(venue.url(), "bot");
    TradingConnector botView = account(botKey);
    TradingConnector maker = account(SimApiKeys.create(venue.url(), "maker"));
    TradingConnector taker = account(SimApiKeys.create(venue.url(), "taker"));
    limit(maker, TradeType.BUY, "1", "99.00");
    limit(maker, TradeType.SELL, "1", "101.00");
    writeInstance(instance, "pmm_e2e", botKey);

    try (HummingbotApiClient api = new HummingbotApiClient(broker.port(), "hbot/pmm_e2e")) {
      long launched = System.nanoTime();
      bot = launch(instance, PASSWORD);
      HummingbotApiClient.Received heartbeat = api.await("hbot/pmm_e2e/hb", WAIT);
      long toHeartbeatMs = TimeUnit.NANOSECONDS.toMillis(heartbeat.receivedNanos() - launched);
      System.out.println("bot process: first heartbeat " + toHeartbeatMs + " ms after launch");
      api.await("hbot/pmm_e2e/status_updates", j -> j.get("msg").asString().equals("online"), FIRST_QUOTES);

      await().atMost(FIRST_QUOTES).until(() -> botView.openOrders(Optional.of(SOL)).size() == 2);
      assertThat(botView.openOrders(Optional.of(SOL))).extracting(o -> o.side() + " @ "
          + o.price().stripTrailingZeros().toPlainString()).containsExactlyInAnyOrder("BUY @ 99.5", "SELL @ 100.5");

      market(taker, TradeType.SELL, "0.1"); // crosses the bot's bid at 99.50, the best
      JsonNode history = await().atMost(WAIT).until(() -> rpc(api, "history", "{\"days\": 0, \"async_backend\": false}"),
          reply -> reply.get("data").get("trades").size() == 1);
      JsonNode trade = history.get("data").get("trades").get(0);
      assertThat(trade.get("price").asString()).isEqualTo("99.5");
      assertThat(trade.get("quantity").asString()).isEqualTo("0.1");
      assertThat(trade.get("trade_type").asString()).isEqualTo("BUY");
      assertThat(trade.get("market").asString()).isEqualTo("sim");

      api.await("hbot/pmm_e2e/performance",
          j -> j.has("pmm_sol") && j.get("pmm_sol").get("performance").path("volume_traded").asDouble() > 9.9, WAIT);
      JsonNode status = rpc(api, "status", "{\"async_backend\": false}");
      assertThat(status.get("data").get("status").asInt()).isEqualTo(200);
      assertThat(status.get("data").get("msg").asString()).contains("pmm_sol");
      JsonNode config = rpc(api, "config", "{\"params\": []}");
      assertThat(config.get("data").get("config").get("strategy").get("controllers_config").get(0).asString())
          .isEqualTo("pmm_sol.yml");
      JsonNode limit = rpc(api, "balance/limit", "{\"exchange\": \"sim\", \"asset\": \"SOL\", \"amount\": 1}");
      assertThat(limit.get("data").get("status").asInt()).as(limit.toString()).isEqualTo(200);
      assertThat(limit.get("data").get("msg").asString()).isEqualTo("Limit for SOL on sim exchange set to 1");
      assertThat(rpc(api, "balance/limit", "{\"exchange\": \"nope\", \"asset\": \"SOL\", \"amount\": 1}")
          .get("data").get("status").asInt()).isEqualTo(400);

      JsonNode stopped = rpc(api, "stop", "{\"skip_order_cancellation\": false, \"async_backend\": true}");
      assertThat(stopped.get("data").get("status").asInt()).as(stopped.toString()).isEqualTo(200);
      assertThat(botView.openOrders(Optional.of(SOL))).isEmpty();
      assertThat(rpc(api, "stop", "{}").get("data").get("status").asInt()).isEqualTo(400);

      assertThat(rpc(api, "start", "{\"script\": \"other_script.py\"}").get("data").get("status").asInt())
          .as("only v2_with_controllers runs").isEqualTo(400);
      JsonNode started = rpc(api, "start", "{\"script\": \"v2_with_controllers.py\", \"conf\": \"pmm_e2e.yml\"}");
      assertThat(started.get("data").get("status").asInt()).as(started.toString()).isEqualTo(200);
      await().atMost(FIRST_QUOTES).until(() -> botView.openOrders(Optional.of(SOL)).size() == 2);

      // an edit of the controller file (what the API's /controllers/bots/... writes) is applied while it runs;
      // one that does not validate is refused on the log and the running config stays
      Path controllerFile = instance.resolve("conf/controllers/pmm_sol.yml");
      Files.writeString(controllerFile, Files.readString(controllerFile).replace("[0.005]", "[0.006]"));
      await().atMost(WAIT).until(() -> Files.readString(instance.resolve("logs/bot.out"))
          .contains("Controller config pmm_sol.yml changed: applied"));
      Files.writeString(controllerFile, Files.readString(controllerFile).replace("executor_refresh_time: 300",
          "executor_refresh_time: soon"));
      await().atMost(WAIT).until(() -> Files.readString(instance.resolve("logs/bot.out"))
          .contains("Controller config pmm_sol.yml changed but was not applied"));

      api.clear();
      bot.destroy(); // SIGTERM
      assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("the bot ends within 30 s of SIGTERM").isTrue();
      api.await("hbot/pmm_e2e/status_updates", j -> j.get("msg").asString().equals("offline"), WAIT);
      assertThat(botView.openOrders(Optional.of(SOL))).as("SIGTERM cancels the bot's orders").isEmpty();
    }

    Path database = instance.resolve("data/pmm_e2e.sqlite");
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      assertThat(count(db, "SELECT count(*) FROM TradeFill WHERE order_id IN (SELECT id FROM \"Order\")"))
          .as("the taker's fill and the early stop's closing fill").isGreaterThanOrEqualTo(2);
      assertThat(count(db, "SELECT count(*) FROM TradeFill WHERE trade_type = 'BUY' AND price = 99500000 "
          + "AND amount = 100000 AND config_file_path = 'pmm_e2e.yml'")).isEqualTo(1);
      assertThat(count(db, "SELECT count(*) FROM \"Controllers\" WHERE id = 'pmm_sol'"))
          .as("one row per start, as Hummingbot writes").isEqualTo(2);
      assertThat(count(db, "SELECT count(*) FROM \"Executors\" WHERE controller_id = 'pmm_sol'")).isGreaterThanOrEqualTo(2);
      assertThat(count(db, "SELECT count(*) FROM \"Order\" WHERE last_status = 'OrderCancelled'")).isPositive();
    }
  }

  /**
   * SIGKILL leaves the bot's two levels on the venue; the taker fills the bid while no bot runs. The restarted bot
   * records that fill once, cancels the ask the killed run left, and quotes again.
   */
  @Test
  void aBotRestartedAfterSigkillRecordsTheFillItMissedAndCancelsWhatTheKilledRunLeft(@TempDir Path instance)
      throws Exception {
    SimApiKeys.Created botKey = SimApiKeys.create(venue.url(), "killed-bot");
    TradingConnector botView = account(botKey);
    TradingConnector maker = account(SimApiKeys.create(venue.url(), "killed-maker"));
    TradingConnector taker = account(SimApiKeys.create(venue.url(), "killed-taker"));
    limit(maker, TradeType.BUY, "1", "99.00");
    limit(maker, TradeType.SELL, "1", "101.00");
    writeInstance(instance, "pmm_kill", botKey);
    Path database = instance.resolve("data/pmm_kill.sqlite");

    bot = launch(instance, PASSWORD);
    await().atMost(FIRST_QUOTES).until(() -> botView.openOrders(Optional.of(SOL)).size() == 2);
    List<OrderUpdate> left = botView.openOrders(Optional.of(SOL));
    String oldBid = left.stream().filter(o -> o.side() == TradeType.BUY).findFirst().orElseThrow().clientOrderId();
    String oldAsk = left.stream().filter(o -> o.side() == TradeType.SELL).findFirst().orElseThrow().clientOrderId();
    // the writer commits each event as it comes; wait until both creations are on disk before the kill
    await().atMost(WAIT).until(() -> count(database, "SELECT count(*) FROM \"Order\" WHERE id IN ('" + oldBid
        + "', '" + oldAsk + "')") == 2);
    bot.destroyForcibly(); // SIGKILL: no stop, no cancel, no flush
    assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(botView.openOrders(Optional.of(SOL))).as("the killed run's orders stay on the venue").hasSize(2);
    market(taker, TradeType.SELL, "0.1"); // fills the old bid at 99.50 while no bot runs

    bot = launch(instance, PASSWORD);
    // a JVM start, 1,000,000 PBKDF2 rounds for the credentials, the reconciliation and two new orders: on a saturated
    // CI machine that took more than 30 s, so this one step gets 90 s
    await().atMost(FIRST_QUOTES).until(() -> {
      List<OrderUpdate> now = botView.openOrders(Optional.of(SOL));
      return now.size() == 2 && now.stream().noneMatch(o -> o.clientOrderId().equals(oldAsk));
    });
    bot.destroy();
    assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(count(database, "SELECT count(*) FROM TradeFill WHERE order_id = '" + oldBid + "' AND trade_type = 'BUY'"
        + " AND price = 99500000 AND amount = 100000")).as("the missed fill, recorded once").isEqualTo(1);
    assertThat(count(database, "SELECT count(*) FROM \"Order\" WHERE id = '" + oldBid
        + "' AND last_status = 'BuyOrderCompleted'")).isEqualTo(1);
    assertThat(count(database, "SELECT count(*) FROM \"Order\" WHERE id = '" + oldAsk
        + "' AND last_status = 'OrderCancelled'")).isEqualTo(1);
  }

  /**
   * The same hand-made folder run by Aviary's bot image (what orchestration's Docker runtime starts), through
   * Testcontainers on the local engine: host network, the folder's conf/data/logs mounted where Hummingbot's image
   * has them. It quotes on sim, answers status, and a container stop (SIGTERM) cancels its orders and says offline.
   * Skipped, saying how to get them, without a Docker engine or without the image.
   */
  @Test
  void theBotImageRunsTheSameFolder(@TempDir Path instance) throws Exception {
    Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
        "no Docker engine: apt-get install -y docker.io and start dockerd");
    Assumptions.assumeTrue(imagePresent(BOT_IMAGE), BOT_IMAGE + " is not built: deploy/images/build-bot-image.sh");
    SimApiKeys.Created botKey = SimApiKeys.create(venue.url(), "image-bot");
    TradingConnector botView = account(botKey);
    TradingConnector maker = account(SimApiKeys.create(venue.url(), "image-maker"));
    limit(maker, TradeType.BUY, "1", "99.00");
    limit(maker, TradeType.SELL, "1", "101.00");
    writeInstance(instance, "pmm_image", botKey);
    for (String folder : List.of("data", "logs")) {
      Files.createDirectories(instance.resolve(folder));
    }
    int uid = (Integer) Files.getAttribute(instance, "unix:uid");
    int gid = (Integer) Files.getAttribute(instance, "unix:gid");

    try (HummingbotApiClient api = new HummingbotApiClient(broker.port(), "hbot/pmm_image");
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(BOT_IMAGE))) {
      container.withNetworkMode("host")
          .withEnv("CONFIG_PASSWORD", PASSWORD)
          .withEnv("SCRIPT_CONFIG", scriptConfig(instance))
          .withEnv("AVIARY_SIM_EXCHANGE_URL", venue.url().toString())
          .withFileSystemBind(instance.resolve("conf").toString(), "/home/hummingbot/conf", BindMode.READ_WRITE)
          .withFileSystemBind(instance.resolve("data").toString(), "/home/hummingbot/data", BindMode.READ_WRITE)
          .withFileSystemBind(instance.resolve("logs").toString(), "/home/hummingbot/logs", BindMode.READ_WRITE)
          // as the Docker runtime does: the container runs as the folder's owner, so it can write data/ and logs/
          .withCreateContainerCmdModifier(cmd -> cmd.withUser(uid + ":" + gid))
          .withStartupCheckStrategy(new IsRunningStartupCheckStrategy())
          .start();

      try {
        api.await("hbot/pmm_image/status_updates", j -> j.get("msg").asString().equals("online"), FIRST_QUOTES);
        await().atMost(FIRST_QUOTES).until(() -> botView.openOrders(Optional.of(SOL)).size() == 2);
        JsonNode status = rpc(api, "pmm_image", "status", "{\"async_backend\": false}");
        assertThat(status.get("data").get("msg").asString()).contains("pmm_sol");
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("the bot container did not answer; its output:\n" + container.getLogs(), e);
      }

      api.clear();
      container.getDockerClient().stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
      api.await("hbot/pmm_image/status_updates", j -> j.get("msg").asString().equals("offline"), WAIT);
      assertThat(botView.openOrders(Optional.of(SOL))).as("a container stop cancels the bot's orders").isEmpty();
    }
    assertThat(instance.resolve("data/pmm_image.sqlite")).isRegularFile();
  }

  private static boolean imagePresent(String image) {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Test
  void aWrongConfigPasswordEndsTheBotWithTheReasonOnItsLogAndTopics(@TempDir Path instance) throws Exception {
    writeInstance(instance, "bad_pw", SimApiKeys.create(venue.url(), "bad-pw"));
    try (HummingbotApiClient api = new HummingbotApiClient(broker.port(), "hbot/bad_pw")) {
      bot = launch(instance, "not-the-password");
      assertThat(bot.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(bot.exitValue()).isEqualTo(2);
      String output = Files.readString(instance.resolve("logs/bot.out"));
      assertThat(output).contains("The bot cannot start").containsIgnoringCase("password")
          .doesNotContain("Exception in thread").doesNotContain(PASSWORD);
      api.await("hbot/bad_pw/notify", j -> j.get("msg").asString().contains("password"), WAIT);
      api.await("hbot/bad_pw/status_updates", j -> j.get("msg").asString().equals("offline"), WAIT);
    }
  }

  /**
   * A bot on {@code sim_paper_trade}: it needs no credentials; its account starts with conf_client.yml's paper
   * balances, trades against the sim venue's public book, and lives in {@code data/paper_e2e_paper.db}, which
   * {@code balance/paper} changes and a restart keeps (Hummingbot would start again from the configured balances).
   */
  @Test
  void aPaperBotTradesOnItsLedgerTakesBalancePaperAndKeepsBalancesAcrossARestart(@TempDir Path instance)
      throws Exception {
    TradingConnector maker = account(SimApiKeys.create(venue.url(), "paper-maker"));
    limit(maker, TradeType.BUY, "1", "99.00");
    limit(maker, TradeType.SELL, "1", "101.00");
    writePaperInstance(instance, "paper_e2e");
    PaperAccount account = new PaperAccount("paper_e2e", "sim_paper_trade");
    Map<String, String> beforeRestart;
    try (HummingbotApiClient api = new HummingbotApiClient(broker.port(), "hbot/paper_e2e");
        SqlitePaperLedger ledger = new SqlitePaperLedger(instance.resolve("data/paper_e2e_paper.db"))) {
      bot = launch(instance, "unused");
      api.await("hbot/paper_e2e/status_updates", j -> j.get("msg").asString().equals("online"), FIRST_QUOTES);
      await().atMost(WAIT).until(() -> ledger.openOrders(account).size() == 2);
      assertThat(totals(ledger, account)).isEqualTo(Map.of("USDT", "500", "SOL", "3"));
      assertThat(Files.exists(instance.resolve("data/paper_e2e.sqlite"))).as("the bot database is its own file").isTrue();

      OrderUpdate through = limit(maker, TradeType.SELL, "0.1", "99.40"); // new ask volume through the paper bid
      await().atMost(WAIT).until(() -> totals(ledger, account).get("SOL").equals("3.1"));
      assertThat(totals(ledger, account).get("USDT")).isEqualTo("490.04005"); // 9.95 + 0.1 % maker fee
      maker.cancelOrder(SOL, through.clientOrderId());

      JsonNode set = rpc(api, "paper_e2e", "balance/paper", "{\"asset\": \"usdt\", \"amount\": 1000}");
      assertThat(set.get("data").get("status").asInt()).as(set.toString()).isEqualTo(200);
      assertThat(set.get("data").get("msg").asString()).isEqualTo("Paper balance for USDT token set to 1000");
      assertThat(totals(ledger, account).get("USDT")).isEqualTo("1000");
      // the ask level (0.099) and the long's take profit (0.1 at 99.50 · 1.02) lock 0.199 SOL
      await().atMost(WAIT).until(() -> ledger.openOrders(account).stream()
          .anyMatch(o -> o.price().compareTo(new BigDecimal("101.49")) == 0));
      JsonNode refused = rpc(api, "paper_e2e", "balance/paper", "{\"asset\": \"SOL\", \"amount\": 0.05}");
      assertThat(refused.get("data").get("status").asInt()).isEqualTo(400);
      assertThat(refused.get("data").get("msg").asString()).contains("open orders lock 0.199 SOL");
      assertThat(rpc(api, "paper_e2e", "balance/paper", "{\"asset\": \"SOL\", \"amount\": -1}")
          .get("data").get("status").asInt()).isEqualTo(400);
      assertThat(totals(ledger, account).get("SOL")).isEqualTo("3.1");

      bot.destroy(); // SIGTERM: the long is closed on paper, at the venue's 99.00 bid
      assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(ledger.openOrders(account)).isEmpty();
      beforeRestart = totals(ledger, account);
      assertThat(beforeRestart).containsEntry("SOL", "3").containsEntry("USDT", "1009.8901");

      api.clear();
      bot = launch(instance, "unused");
      api.await("hbot/paper_e2e/status_updates", j -> j.get("msg").asString().equals("online"), FIRST_QUOTES);
      await().atMost(WAIT).until(() -> ledger.openOrders(account).size() == 2);
      assertThat(totals(ledger, account)).as("the ledger's balances, not conf_client.yml's again").isEqualTo(beforeRestart);
      bot.destroy();
      assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private static Map<String, String> totals(SqlitePaperLedger ledger, PaperAccount account) {
    Map<String, String> totals = new HashMap<>();
    ledger.balances(account).forEach(b -> totals.put(b.asset(), b.total().stripTrailingZeros().toPlainString()));
    return totals;
  }

  /** Sends a command as the Hummingbot API does and waits for the bot's reply envelope. */
  private static JsonNode rpc(HummingbotApiClient api, String command, String data) throws Exception {
    return rpc(api, "pmm_e2e", command, data);
  }

  private static JsonNode rpc(HummingbotApiClient api, String botId, String command, String data) throws Exception {
    String replyTo = "hummingbot-api/response/" + System.nanoTime();
    api.request("hbot/" + botId + "/" + command, replyTo, data);
    return api.await(replyTo, Duration.ofSeconds(35)).json();
  }

  private Process launch(Path instance, String configPassword) throws IOException {
    Files.createDirectories(instance.resolve("logs"));
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        BotApplication.class.getName(), instance.toString());
    Map<String, String> env = builder.environment();
    env.put("SCRIPT_CONFIG", scriptConfig(instance));
    env.put("CONFIG_PASSWORD", configPassword);
    env.put("AVIARY_SIM_EXCHANGE_URL", venue.url().toString());
    builder.redirectErrorStream(true).redirectOutput(instance.resolve("logs/bot.out").toFile());
    return builder.start();
  }

  private static String scriptConfig(Path instance) throws IOException {
    try (var scripts = Files.list(instance.resolve("conf/scripts"))) {
      return scripts.findFirst().orElseThrow().getFileName().toString();
    }
  }

  /** The folder a user (or orchestration) makes: client config, script, controller and encrypted credentials. */
  private void writeInstance(Path root, String botId, SimApiKeys.Created key) throws IOException {
    Path conf = Files.createDirectories(root.resolve("conf"));
    Files.createDirectories(conf.resolve("scripts"));
    Files.createDirectories(conf.resolve("controllers"));
    Files.writeString(conf.resolve("conf_client.yml"), """
        instance_id: %s
        mqtt_bridge:
          mqtt_host: 127.0.0.1
          mqtt_port: %d
        """.formatted(botId, broker.port()));
    Files.writeString(conf.resolve("scripts/" + botId + ".yml"), """
        script_file_name: v2_with_controllers.py
        controllers_config:
        - pmm_sol.yml
        """);
    Files.writeString(conf.resolve("controllers/pmm_sol.yml"), """
        id: pmm_sol
        controller_name: pmm_simple
        controller_type: market_making
        connector_name: sim
        trading_pair: SOL-USDT
        total_amount_quote: '20'
        buy_spreads: [0.005]
        sell_spreads: [0.005]
        buy_amounts_pct: ['1']
        sell_amounts_pct: ['1']
        executor_refresh_time: 300
        skip_rebalance: true
        """);
    // as a user does it: `CONFIG_PASSWORD=… java -jar bot-exec.jar connect <folder> sim` with the fields on stdin
    Map<String, String> env = new HashMap<>();
    env.put("AVIARY_SIM_EXCHANGE_URL", venue.url().toString());
    env.put("CONFIG_PASSWORD", PASSWORD);
    StringBuilder fields = new StringBuilder();
    key.credentials("sim").forEach((field, value) -> fields.append(field).append('=').append(value).append('\n'));
    int exit = ConnectCommand.run(new String[] {"connect", root.toString(), "sim"}, env,
        new BufferedReader(new StringReader(fields.toString())), System.out, BotApplication.registry(env));
    assertThat(exit).isZero();
    assertThat(Files.readString(conf.resolve("connectors/sim.yml"))).doesNotContain(key.apiSecret());
  }

  private static long count(Path database, String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      return count(db, sql);
    }
  }

  /** A paper bot's folder: no connector file, no password check; paper balances as Hummingbot's client config has them. */
  private void writePaperInstance(Path root, String botId) throws IOException {
    Path conf = Files.createDirectories(root.resolve("conf"));
    Files.createDirectories(conf.resolve("scripts"));
    Files.createDirectories(conf.resolve("controllers"));
    Files.writeString(conf.resolve("conf_client.yml"), """
        instance_id: %s
        mqtt_bridge:
          mqtt_host: 127.0.0.1
          mqtt_port: %d
        paper_trade:
          paper_trade_exchanges:
          - binance
          paper_trade_account_balance:
            USDT: 500
            SOL: 3.0
        """.formatted(botId, broker.port()));
    Files.writeString(conf.resolve("scripts/" + botId + ".yml"), """
        script_file_name: v2_with_controllers.py
        controllers_config:
        - pmm_paper.yml
        """);
    Files.writeString(conf.resolve("controllers/pmm_paper.yml"), """
        id: pmm_paper
        controller_name: pmm_simple
        controller_type: market_making
        connector_name: sim_paper_trade
        trading_pair: SOL-USDT
        total_amount_quote: '20'
        buy_spreads: [0.005]
        sell_spreads: [0.005]
        buy_amounts_pct: ['1']
        sell_amounts_pct: ['1']
        executor_refresh_time: 300
        skip_rebalance: true
        take_profit: '0.02'
        take_profit_order_type: 2
        """);
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private TradingConnector account(SimApiKeys.Created key) {
    TradingConnector account = SimConnectorFactory.spot(venue.url()).trading(key.credentials("sim"));
    accounts.add(account);
    return account;
  }

  private OrderUpdate limit(TradingConnector account, TradeType side, String amount, String price) {
    return account.placeOrder(new OrderRequest("e" + ids.incrementAndGet(), SOL, side, OrderType.LIMIT,
        new BigDecimal(amount), new BigDecimal(price), null));
  }

  private void market(TradingConnector account, TradeType side, String amount) {
    account.placeOrder(new OrderRequest("e" + ids.incrementAndGet(), SOL, side, OrderType.MARKET,
        new BigDecimal(amount), null, null));
  }
}
