package io.aviary.bot.app;

import ch.qos.logback.classic.Level;
import io.aviary.bot.db.BotDatabase;
import io.aviary.bot.db.RecordingScope;
import io.aviary.bot.events.BotEvent;
import io.aviary.bot.events.HistoryTrade;
import io.aviary.bot.events.OrderCreated;
import io.aviary.bot.events.OrderFailed;
import io.aviary.bot.events.OrderFilled;
import io.aviary.bot.events.UnfinishedOrder;
import io.aviary.bot.events.MqttSettings;
import io.aviary.bot.instance.BotInstance;
import io.aviary.bot.instance.ControllerFile;
import io.aviary.bot.instance.InstanceFolder;
import io.aviary.bot.instance.InvalidInstanceException;
import io.aviary.bot.mqtt.BotMqttBridge;
import io.aviary.bot.mqtt.BridgeOptions;
import io.aviary.bot.mqtt.ControllerReport;
import io.aviary.bot.mqtt.MqttLogAppender;
import io.aviary.bot.runtime.BalanceLimits;
import io.aviary.bot.runtime.BotRuntime;
import io.aviary.bot.runtime.ExecutorSnapshot;
import io.aviary.bot.paper.SqlitePaperLedger;
import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.paper.PaperAccount;
import io.aviary.connectors.paper.PaperConnectorFactory;
import io.aviary.connectors.paper.PaperLedger;
import io.aviary.connectors.paper.PaperSettings;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.controller.Controllers;
import io.aviary.strategy.script.V2WithControllersConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.math.BigDecimal;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot process: the MQTT bridge (up first, so the first heartbeat does not wait for the credentials' 1,000,000
 * PBKDF2 rounds and a bad folder is reported on the bot's own topics), the instance folder, the bot database and the
 * strategy runtime, which {@code start}/{@code stop} commands replace. Lives until SIGTERM: Hummingbot's {@code stop}
 * ends the strategy, not the process (the orchestrator stops the container).
 */
final class BotProcess {
  private static final Logger log = LoggerFactory.getLogger(BotProcess.class);

  static final int EXIT_OK = 0;
  static final int EXIT_INVALID_INSTANCE = 2;
  /** Hummingbot's {@code config_update_interval}: controller files are re-read this often. */
  static final long CONFIG_RELOAD_SECONDS = 10;

  private final Path root;
  private final Map<String, String> env;
  /** The connectors, given where paper accounts live and what a new one starts with. */
  private final BiFunction<PaperLedger, PaperSettings, ConnectorRegistry> registries;
  private final MqttSettings mqtt;
  private final long processStartMs = System.currentTimeMillis();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(
      r -> Thread.ofPlatform().name("bot-reporter").daemon(true).unstarted(r));
  private final Object lifecycle = new Object();
  /** {@code balance limit}s, kept across strategy restarts like Hummingbot's client config. */
  private final BalanceLimits balanceLimits = new BalanceLimits();
  private BotMqttBridge bridge;
  private MqttLogAppender appender;
  private ConnectorRegistry registry;
  /** The paper accounts of this bot ({@code data/<instance_id>_paper.db}, made on first use). */
  private SqlitePaperLedger paperLedger;
  private PaperSettings paperSettings;
  /** The connector sessions of the current strategy, closed when it ends (a paper session checks its book). */
  private List<BotRuntime.ConnectorSession> sessions = List.of();
  private BotInstance instance;
  private BotDatabase database;
  /** The last run whose position holds were stored (each run's are stored once, when it has stopped). */
  private BotRuntime holdsStored;
  private volatile BotRuntime runtime;
  private volatile long strategyStartMs;
  private final EditedControllerFiles controllerFiles = new EditedControllerFiles();
  private boolean shutDown;

  BotProcess(Path root, Map<String, String> env, MqttSettings mqtt,
      BiFunction<PaperLedger, PaperSettings, ConnectorRegistry> registries) {
    this.root = root;
    this.env = env;
    this.mqtt = mqtt;
    this.registries = registries;
  }

  /** Runs until {@link #shutdown()}; returns the exit code. */
  int run() throws InterruptedException {
    bridge = new BotMqttBridge(mqtt, new BotCommandHandler(this), BridgeOptions.defaults());
    bridge.start();
    if (mqtt.logger()) {
      appender = MqttLogAppender.install(bridge, Level.INFO);
    }
    try {
      PaperSettings defaults = PaperSettings.defaults();
      paperSettings = new PaperSettings(defaults.makerFee(), defaults.takerFee(),
          InstanceFolder.paperTradeAccountBalance(root), defaults.bookCheckInterval());
      paperLedger = new SqlitePaperLedger(SqlitePaperLedger.fileFor(root.resolve("data"), mqtt.instanceId()));
      registry = registries.apply(paperLedger, paperSettings);
      instance = InstanceFolder.load(root, env, registry.catalog());
    } catch (InvalidInstanceException e) {
      String reason = "The bot cannot start: " + e.getMessage();
      log.error(reason);
      // said on the bot's own topics too, so whoever deployed it sees why (if the broker is reachable at all)
      bridge.awaitConnected(java.time.Duration.ofSeconds(5));
      bridge.notify(reason);
      closeBridge();
      return EXIT_INVALID_INSTANCE;
    }
    database = BotDatabase.open(instance.dataDir(),
        new RecordingScope(instance.scriptConfigName(), V2WithControllersConfig.NAME));
    log.info("Bot {} ready: script config {}, {} controller(s), database {}", mqtt.instanceId(),
        instance.scriptConfigName(), instance.controllers().size(), database.file());
    startStrategy(); // as Hummingbot's headless quickstart does with SCRIPT_CONFIG
    reporter.scheduleAtFixedRate(this::publishPerformance, 1, 1, TimeUnit.SECONDS);
    reporter.scheduleWithFixedDelay(this::reloadEditedControllers, CONFIG_RELOAD_SECONDS, CONFIG_RELOAD_SECONDS,
        TimeUnit.SECONDS);
    ended.await();
    return EXIT_OK;
  }

  /** Starts the controllers of the current script config; false if a strategy already runs. */
  boolean startStrategy() {
    synchronized (lifecycle) {
      if (shutDown || (runtime != null && runtime.state() == BotRuntime.State.RUNNING)) {
        return false;
      }
      List<Controller> controllers = instance.controllers().stream().map(ControllerFile::config)
          .map(Controllers::create).toList();
      closeSessions(); // of a strategy that stopped itself (a drawdown limit)
      sessions = ConnectorSessions.open(instance, registry);
      BotRuntime next = new BotRuntime(
          BotRuntime.Settings.defaults(instance.script().maxGlobalDrawdownQuote(),
              instance.script().maxControllerDrawdownQuote()),
          sessions, controllers,
          name -> ConnectorSessions.marketData(registry, name), this::onEvent, Clock.systemUTC());
      next.onExecutorClosed(database::storeExecutor);
      next.useBalanceLimits(balanceLimits);
      adoptOrdersLeftOpen(next);
      storeHolds(runtime); // a run that stopped itself (a drawdown limit) has not stored them yet
      HeldPositions.reload(database, controllers.stream().map(c -> c.config().id()).toList(), next);
      database.recordControllers(instance.controllers().stream().map(ControllerFile::config).toList());
      next.start();
      controllerFiles.remember(instance.controllers()); // edits from now on are applied while it runs
      strategyStartMs = System.currentTimeMillis();
      runtime = next;
      log.info("Strategy {} started with controllers {}", instance.scriptConfigName(),
          instance.controllers().stream().map(c -> c.config().id()).toList());
      return true;
    }
  }

  /** Stops the running strategy (cancelling its orders unless skipped); false if none runs. */
  boolean stopStrategy(boolean skipOrderCancellation) {
    synchronized (lifecycle) {
      BotRuntime current = runtime;
      if (current == null || current.state() != BotRuntime.State.RUNNING) {
        return false;
      }
      current.stop(skipOrderCancellation);
      closeSessions();
      storeHolds(current);
      // executors that closed stored themselves as they closed; the ones still running (a skipped cancellation,
      // a venue that did not answer in time) are stored as they are now
      for (ExecutorSnapshot executor : current.executors()) {
        if (executor.isActive()) {
          database.storeExecutor(executor);
        }
      }
      database.flush();
      markOrdersKept(skipOrderCancellation);
      log.info("Strategy {} stopped ({})", instance.scriptConfigName(),
          skipOrderCancellation ? "open orders left on the venue" : "open orders cancelled");
      return true;
    }
  }

  /** Stores a stopped run's position holds once, for the next start to reload ({@link HeldPositions}). */
  private void storeHolds(BotRuntime stopped) {
    if (stopped != null && stopped != holdsStored && stopped.state() == BotRuntime.State.STOPPED) {
      HeldPositions.store(stopped.performance(), database, System.currentTimeMillis());
      holdsStored = stopped;
    }
  }

  /**
   * Hands the orders the database shows unfinished to the new run: it records the fills they got meanwhile and
   * cancels them, unless the last stop kept them on purpose (skip_order_cancellation); then they are only tracked
   * and the next stop that cancels cancels them. A run that was killed leaves no mark, so its orders are cancelled.
   */
  private void adoptOrdersLeftOpen(BotRuntime next) {
    List<UnfinishedOrder> unfinished = database.unfinishedOrders();
    boolean keptOnPurpose = Files.exists(keptOrdersMark());
    if (!unfinished.isEmpty()) {
      log.info("{} order(s) of a previous run are unfinished: reconciling{}", unfinished.size(),
          keptOnPurpose ? " (kept on purpose at the last stop, so not cancelled)" : " and cancelling them");
    }
    next.adoptOrdersLeftOpen(unfinished, !keptOnPurpose);
    markOrdersKept(false);
  }

  /** Remembers (in {@code data/}) whether the last stop left the orders on the venue on purpose. */
  private void markOrdersKept(boolean kept) {
    try {
      if (kept) {
        Files.writeString(keptOrdersMark(), "orders left open by a stop with skip_order_cancellation\n");
      } else {
        Files.deleteIfExists(keptOrdersMark());
      }
    } catch (IOException e) {
      log.warn("could not update {}: {}", keptOrdersMark().getFileName(), e.toString());
    }
  }

  private Path keptOrdersMark() {
    return instance.dataDir().resolve(instance.databaseName() + ".orders-kept");
  }

  /** Replaces the script config the next {@code start} runs (Hummingbot's {@code import}). */
  void importScriptConfig(String name) {
    synchronized (lifecycle) {
      if (runtime != null && runtime.state() == BotRuntime.State.RUNNING) {
        throw new IllegalStateException("stop the running strategy before importing another config");
      }
      Map<String, String> withScript = new HashMap<>(env);
      withScript.put(InstanceFolder.SCRIPT_CONFIG, name.endsWith(".yml") ? name : name + ".yml");
      BotInstance imported = InstanceFolder.load(root, withScript, registry.catalog());
      if (!imported.databaseName().equals(instance.databaseName())) {
        database.close();
        database = BotDatabase.open(imported.dataDir(),
            new RecordingScope(imported.scriptConfigName(), V2WithControllersConfig.NAME));
      }
      instance = imported;
    }
  }

  /**
   * Hummingbot's {@code balance paper}: sets {@code asset} to {@code amount} on this bot's account of every paper
   * connector (Hummingbot's paper balance is one for all paper exchanges), opening accounts that do not exist yet
   * with the configured starting balances. Refused, with nothing changed, where open orders lock more than that.
   *
   * @return the paper connectors changed
   */
  List<String> setPaperBalance(String asset, BigDecimal amount) {
    List<PaperAccount> accounts = registry.catalog().all().stream().map(ConnectorSpec::name)
        .filter(name -> name.endsWith(PaperConnectorFactory.SUFFIX)).sorted()
        .map(name -> new PaperAccount(mqtt.instanceId(), name)).toList();
    for (PaperAccount account : accounts) { // all or none: look before changing any
      paperLedger.balances(account).stream().filter(b -> b.asset().equals(asset)).findFirst()
          .map(b -> b.total().subtract(b.available())).filter(locked -> locked.compareTo(amount) > 0)
          .ifPresent(locked -> {
            throw PaperLedger.InsufficientBalance.lockedByOrders(asset + " on " + account.connectorName(), locked, amount);
          });
    }
    for (PaperAccount account : accounts) {
      paperLedger.setBalance(account, paperSettings.startingBalances(), asset, amount);
    }
    return accounts.stream().map(PaperAccount::connectorName).toList();
  }

  BalanceLimits balanceLimits() {
    return balanceLimits;
  }

  BotRuntime runtime() {
    return runtime;
  }

  BotInstance instance() {
    return instance;
  }

  /** Trades of the current script config since {@code sinceMs}, or since the strategy started when 0. */
  List<HistoryTrade> history(long sinceMs) {
    long since = sinceMs > 0 ? sinceMs : (strategyStartMs > 0 ? strategyStartMs : processStartMs);
    return database.tradesSince(since);
  }

  /** {@code config}'s answer: the client settings (secrets left out) and the script config. */
  Map<String, Object> currentConfig() {
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("instance_id", mqtt.instanceId());
    client.put("mqtt_host", mqtt.host());
    client.put("mqtt_port", mqtt.port());
    client.put("mqtt_namespace", mqtt.namespace());
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("client", client);
    config.put("strategy", instance.script().toMap());
    return config;
  }

  private void onEvent(BotEvent event) {
    database.onEvent(event);
    bridge.onEvent(event);
    logOrderEvent(event);
  }

  /** The order lines Hummingbot's connectors log (and forward on {@code P/log}). */
  private static void logOrderEvent(BotEvent event) {
    switch (event) {
      case OrderCreated c -> log.info("Created {} {} order {} for {} {} at {}", c.orderType(), c.tradeType(),
          c.orderId(), c.amount().toPlainString(), c.tradingPair(), c.price() == null ? "market" : c.price().toPlainString());
      case OrderFilled f -> log.info("The {} order {} amounting to {}/{} {} has been filled at {}", f.tradeType(),
          f.orderId(), f.amount().toPlainString(), f.amount().toPlainString(), f.tradingPair(), f.price().toPlainString());
      case OrderFailed f -> log.warn("Order {} failed: {}", f.orderId(), f.errorMessage());
      default -> { }
    }
  }

  /**
   * Applies edited controller files to the running strategy (what the API's {@code POST /controllers/bots/{bot}/…}
   * writes). A file that no longer validates is refused with the reason on the log, and the running config stays.
   */
  private void reloadEditedControllers() {
    BotRuntime current = runtime;
    if (current == null || current.state() != BotRuntime.State.RUNNING) {
      return;
    }
    for (ControllerFile file : controllerFiles.edited(instance.controllers())) {
      try {
        current.updateController(Controllers.create(InstanceFolder.controllerConfig(root, file.file())));
        log.info("Controller config {} changed: applied from the next tick", file.name());
      } catch (InvalidInstanceException | IllegalArgumentException e) {
        log.warn("Controller config {} changed but was not applied, the running config stays: {}", file.name(),
            e.getMessage());
      } catch (RuntimeException e) {
        // never out of the scheduled task: an exception would cancel every later check
        log.warn("Controller config {} could not be checked: {}", file.name(), e.toString());
      }
    }
  }

  private void publishPerformance() {
    try {
      BotRuntime current = runtime;
      if (current != null && current.state() == BotRuntime.State.RUNNING) {
        Map<String, ControllerReport> reports = new LinkedHashMap<>();
        current.performance().forEach((id, report) -> reports.put(id, new ControllerReport(report, Map.of())));
        bridge.publishPerformance(reports);
      }
    } catch (RuntimeException e) {
      log.warn("performance report not published: {}", e.toString());
    }
  }

  /** SIGTERM: stop the strategy (orders cancelled unless AVIARY_BOT_KEEP_ORDERS_ON_EXIT), flush, say offline. */
  void shutdown() {
    synchronized (lifecycle) {
      if (shutDown) {
        return;
      }
      shutDown = true;
    }
    log.info("Bot {} shutting down", mqtt.instanceId());
    reporter.shutdownNow();
    try {
      if (database != null) {
        stopStrategy(Boolean.parseBoolean(env.getOrDefault("AVIARY_BOT_KEEP_ORDERS_ON_EXIT", "false")));
        synchronized (lifecycle) {
          storeHolds(runtime); // a run that had stopped itself
        }
        database.close();
      }
    } finally {
      closeSessions();
      if (paperLedger != null) {
        paperLedger.close();
      }
      closeBridge();
      ended.countDown();
    }
  }

  private void closeSessions() {
    for (BotRuntime.ConnectorSession session : sessions) {
      try {
        session.trading().close();
      } catch (RuntimeException e) {
        log.warn("Closing the {} session failed: {}", session.connectorName(), e.toString());
      }
    }
    sessions = List.of();
  }

  private void closeBridge() {
    if (appender != null) {
      appender.detach();
    }
    if (bridge != null) {
      bridge.close();
    }
  }
}
