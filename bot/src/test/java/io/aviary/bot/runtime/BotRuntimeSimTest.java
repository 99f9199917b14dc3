package io.aviary.bot.runtime;

import io.aviary.execution.LiveMarketView;
import io.aviary.execution.PerpetualSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.aviary.bot.events.BotEvent;
import io.aviary.bot.events.OrderCancelled;
import io.aviary.bot.events.OrderCompleted;
import io.aviary.bot.events.OrderCreated;
import io.aviary.bot.events.OrderFailed;
import io.aviary.bot.events.OrderFilled;
import io.aviary.bot.events.UnfinishedOrder;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.connectors.sim.SimConnectorFactory;
import io.aviary.connectors.sim.SimVenueProcess;
import io.aviary.strategy.config.ControllerRegistry;
import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.controller.Controllers;
import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.market.Candles;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A {@code pmm_simple} controller live on the {@code sim} connector against the sim venue as its own process.
 * SOL-USDT is a quiet market: only the test's accounts trade there. A "maker" account rests a bid at 99.00 and an
 * ask at 101.00 (mid 100), so the controller's levels at ±0.5 % are 99.50 (0.100 SOL for 10 USDT) and 100.50
 * (0.099 SOL); a "taker" account crosses them. Fees: maker 0.02 % (charged in the received asset), taker 0.05 %.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotRuntimeSimTest {
  static final TradingPair SOL = TradingPair.parse("SOL-USDT");
  static final Duration WAIT = Duration.ofSeconds(20);

  private SimVenueProcess venue;
  private SimConnectorFactory sim;
  private final List<TradingConnector> accounts = new ArrayList<>();
  private final List<BotEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private BotRuntime runtime;
  private TradingConnector bot;
  private TradingConnector botView;
  private TradingConnector maker;
  private TradingConnector taker;

  @BeforeAll
  void startVenue() {
    venue = SimVenueProcess.start(Map.of("SIM_EXCHANGE_QUIET_MARKETS", "spot:SOL-USDT,perp:ETH-USDT"));
    sim = SimConnectorFactory.spot(venue.url());
  }

  @AfterAll
  void stopVenue() {
    if (venue != null) {
      venue.close();
    }
  }

  @BeforeEach
  void accountsAndBook() {
    events.clear();
    SimApiKeys.Created botKey = SimApiKeys.create(venue.url(), "bot");
    bot = account(botKey);
    botView = account(botKey);
    maker = account(SimApiKeys.create(venue.url(), "maker"));
    taker = account(SimApiKeys.create(venue.url(), "taker"));
    limit(maker, TradeType.BUY, "1", "99.00");
    limit(maker, TradeType.SELL, "1", "101.00");
  }

  @AfterEach
  void cleanUp() {
    if (runtime != null) {
      runtime.stop(true);
    }
    for (TradingConnector account : accounts) {
      for (OrderUpdate o : account.openOrders(Optional.of(SOL))) {
        account.cancelOrder(SOL, o.clientOrderId());
      }
    }
    accounts.forEach(TradingConnector::close);
    accounts.clear();
  }

  @Test
  void placesBothLevelsRecordsFillsReportsTheirPnlAndCancelsOnStop() {
    runtime = start(bot, pmm(300), null);

    await().atMost(WAIT).until(() -> botOrders().size() == 2);
    assertThat(botOrders()).extracting(o -> o.side() + " " + o.amount().stripTrailingZeros().toPlainString() + " @ "
        + o.price().stripTrailingZeros().toPlainString())
        .containsExactlyInAnyOrder("BUY 0.1 @ 99.5", "SELL 0.099 @ 100.5");
    await().atMost(WAIT).until(() -> eventsOf(OrderCreated.class).size() == 2);
    assertThat(eventsOf(OrderCreated.class)).allSatisfy(c -> {
      assertThat(c.controllerId()).isEqualTo("pmm_sol");
      assertThat(c.connector()).isEqualTo("sim");
      assertThat(c.exchangeOrderId()).isNotBlank();
    });
    String buyId = buyOrder().clientOrderId();

    market(taker, TradeType.SELL, "0.1"); // crosses our bid at 99.50 (the best)

    await().atMost(WAIT).until(() -> !eventsOf(OrderFilled.class).isEmpty());
    OrderFilled fill = eventsOf(OrderFilled.class).getFirst();
    assertThat(fill.orderId()).isEqualTo(buyId);
    assertThat(fill.tradeType()).isEqualTo(TradeType.BUY);
    assertThat(fill.price()).isEqualByComparingTo("99.50");
    assertThat(fill.amount()).isEqualByComparingTo("0.100");
    // 0.02 % of 0.1 SOL = 0.00002 SOL, at 99.50 = 0.00199 USDT
    assertThat(fill.feeInQuote()).isEqualByComparingTo("0.00199");
    assertThat(fill.fee().flatFees()).singleElement().satisfies(f -> assertThat(f.token()).isEqualTo("SOL"));
    assertThat(eventsOf(OrderCompleted.class)).extracting(OrderCompleted::orderId).containsExactly(buyId);

    // long 0.1 from 99.50 marked at the best bid 99.00: (99.00 − 99.50)·0.1 − 0.00199 = −0.05199
    await().atMost(WAIT).until(() -> Math.abs(report().volumeTraded() - 9.95) < 1e-9
        && Math.abs(report().unrealizedPnlQuote() + 0.05199) < 1e-9);
    PerformanceReport open = report();
    assertThat(open.realizedPnlQuote()).isZero();
    assertThat(open.globalPnlQuote()).isCloseTo(-0.05199, within(1e-9));
    assertThat(open.globalPnlPct()).isCloseTo(-0.05199 / 9.95 * 100, within(1e-9));
    assertThat(runtime.status()).contains("pmm_sol").contains("Active executors: 2").contains("trading");

    assertThat(runtime.stop(false)).isTrue();

    // every order the bot placed is gone from the venue (the sell level and the take profit cancelled) ...
    assertThat(botOrders()).isEmpty();
    assertThat(eventsOf(OrderCancelled.class)).hasSizeGreaterThanOrEqualTo(2);
    // ... and the long was closed by a MARKET sell into the 99.00 bid: taker fee 0.05 % of 9.90 = 0.00495
    PerformanceReport closed = report();
    assertThat(closed.realizedPnlQuote()).isCloseTo(-0.05 - 0.00199 - 0.00495, within(1e-9));
    assertThat(closed.unrealizedPnlQuote()).isZero();
    assertThat(closed.volumeTraded()).isCloseTo(9.95 + 9.90, within(1e-9));
    assertThat(closed.closeTypeCounts()).containsEntry(CloseType.EARLY_STOP, 2);
    assertThat(closed.closeTypeCountsByName()).containsEntry("CloseType.EARLY_STOP", 2);
    assertThat(runtime.executors()).hasSize(2).allSatisfy(e -> assertThat(e.isActive()).isFalse());
    assertThat(runtime.stop(false)).as("stop is idempotent").isTrue();
  }

  @Test
  void refreshesIdleOrdersAfterTheRefreshTime() {
    runtime = start(bot, pmm(2), null);

    await().atMost(WAIT).until(() -> botOrders().size() == 2);
    List<String> first = botOrders().stream().map(OrderUpdate::clientOrderId).toList();

    // executor_refresh_time 2 s: both levels are cancelled and placed again at the same prices
    await().atMost(WAIT).until(() -> eventsOf(OrderCancelled.class).stream().map(OrderCancelled::orderId).toList()
        .containsAll(first));
    await().atMost(WAIT).until(() -> {
      List<OrderUpdate> now = botOrders();
      return now.size() == 2 && now.stream().noneMatch(o -> first.contains(o.clientOrderId()));
    });
    assertThat(botOrders()).extracting(o -> o.price().stripTrailingZeros().toPlainString())
        .containsExactlyInAnyOrder("99.5", "100.5");
    assertThat(eventsOf(OrderFailed.class)).isEmpty();
  }

  @Test
  void controllerDrawdownStopsTheControllerAndSkippedCancellationLeavesOrders() {
    runtime = start(bot, pmm(300), new BigDecimal("0.03"));
    await().atMost(WAIT).until(() -> botOrders().size() == 2);
    String sellId = botOrders().stream().filter(o -> o.side() == TradeType.SELL).findFirst().orElseThrow()
        .clientOrderId();

    market(taker, TradeType.SELL, "0.1"); // a loss of 0.05199 on the bought level: more than 0.03 below the peak 0

    await().atMost(WAIT).until(() -> !runtime.controllers().getFirst().running());
    assertThat(runtime.controllers().getFirst().stopReason()).contains("max_controller_drawdown_quote");
    // the idle sell level is stopped (its order cancelled); the long keeps its take profit at 99.50 · 1.02
    await().atMost(WAIT).until(() -> eventsOf(OrderCancelled.class).stream().anyMatch(c -> c.orderId().equals(sellId)));
    await().atMost(WAIT).until(() -> botOrders().size() == 1);
    OrderUpdate takeProfit = botOrders().getFirst();
    assertThat(takeProfit.side()).isEqualTo(TradeType.SELL);
    assertThat(takeProfit.price()).isEqualByComparingTo("101.49");
    int created = eventsOf(OrderCreated.class).size();

    assertThat(runtime.stop(true)).isTrue();

    assertThat(botOrders()).extracting(OrderUpdate::clientOrderId).containsExactly(takeProfit.clientOrderId());
    assertThat(eventsOf(OrderCreated.class)).as("a stopped controller creates nothing").hasSize(created);
  }

  @Test
  void globalDrawdownStopsTheWholeBotAndCancelsItsOrders() {
    runtime = start(bot, pmm(300), null, new BigDecimal("0.03"));
    await().atMost(WAIT).until(() -> botOrders().size() == 2);

    market(taker, TradeType.SELL, "0.1"); // the bot's summed PnL falls 0.05199 below its peak 0

    await().atMost(WAIT).until(() -> runtime.state() == BotRuntime.State.STOPPED);
    assertThat(runtime.stopReason()).contains("max_global_drawdown_quote");
    assertThat(botOrders()).as("a drawdown stop cancels like stop without skip").isEmpty();
    assertThat(report().closeTypeCounts()).containsEntry(CloseType.EARLY_STOP, 2);
    assertThat(runtime.stop(false)).isTrue();
  }

  @Test
  void aVenueOutageDuringPlacementPausesAndRecoversWithoutDuplicateOrders() {
    FaultyTradingConnector faulty = new FaultyTradingConnector(bot);
    faulty.down = true;
    faulty.loseAnswers = true; // both placements reach the venue, neither answer comes back
    runtime = start(faulty, pmm(300), null);

    await().atMost(WAIT).until(() -> botOrders().size() == 2);
    await().atMost(WAIT).until(() -> runtime.controllers().getFirst().pausedBecause() != null);
    assertThat(runtime.status()).contains("paused");
    List<String> placed = botOrders().stream().map(OrderUpdate::clientOrderId).toList();

    faulty.loseAnswers = false;
    faulty.down = false;

    // reconciliation by client order id finds both orders: confirmed, not placed again
    await().atMost(WAIT).until(() -> runtime.controllers().getFirst().pausedBecause() == null
        && eventsOf(OrderCreated.class).size() == 2);
    assertThat(eventsOf(OrderCreated.class)).extracting(OrderCreated::orderId).containsExactlyInAnyOrderElementsOf(placed);
    market(taker, TradeType.SELL, "0.1"); // and the recovered buy order still trades for its executor
    await().atMost(WAIT).until(() -> !eventsOf(OrderFilled.class).isEmpty());
    String filled = eventsOf(OrderFilled.class).getFirst().orderId();
    assertThat(filled).isIn(placed);
    await().atMost(WAIT).until(() -> botOrders().stream().anyMatch(o -> o.price().compareTo(new BigDecimal("101.49")) == 0));
    assertThat(eventsOf(OrderFailed.class)).isEmpty();
    // the sell level's recovered order plus the long's take profit: no second copy of any level
    assertThat(botOrders()).extracting(o -> o.price().stripTrailingZeros().toPlainString())
        .containsExactlyInAnyOrder("100.5", "101.49");
    assertThat(botOrders()).extracting(OrderUpdate::clientOrderId)
        .contains(placed.stream().filter(id -> !id.equals(filled)).toArray(String[]::new));
  }

  @Test
  void stopWhileTheVenueIsDownEndsWithinItsTimeout() {
    FaultyTradingConnector faulty = new FaultyTradingConnector(bot);
    runtime = start(faulty, pmm(300), null, null, Duration.ofSeconds(2));
    await().atMost(WAIT).until(() -> eventsOf(OrderCreated.class).size() == 2);
    faulty.down = true;

    // cancels cannot reach the venue: the stop gives up after stopTimeout (2 s) instead of hanging
    assertThat(runtime.stop(false)).as("the strategy thread ended within stopTimeout + 1 s").isTrue();
    assertThat(runtime.state()).isEqualTo(BotRuntime.State.STOPPED);
    assertThat(runtime.stop(true)).isTrue();
    assertThat(botOrders()).as("nothing reached the venue while it was down").hasSize(2);
  }

  @Test
  void aFillTheBrokenStreamMissedIsRecoveredOnceByReconciliation() {
    FaultyTradingConnector faulty = new FaultyTradingConnector(bot);
    runtime = start(faulty, pmm(300), null);
    await().atMost(WAIT).until(() -> eventsOf(OrderCreated.class).size() == 2);
    String buyId = buyOrder().clientOrderId();
    faulty.streamMuted = true;

    market(taker, TradeType.SELL, "0.1");
    await().atMost(WAIT).until(() -> botOrders().stream().noneMatch(o -> o.clientOrderId().equals(buyId)));
    assertThat(eventsOf(OrderFilled.class)).as("the stream is silent").isEmpty();

    faulty.breakStream(); // pause, reconcile by client order id: the fill is read from the venue

    await().atMost(WAIT).until(() -> eventsOf(OrderFilled.class).size() == 1
        && runtime.controllers().getFirst().pausedBecause() == null);
    assertThat(eventsOf(OrderFilled.class).getFirst().orderId()).isEqualTo(buyId);
    await().atMost(WAIT).until(() -> Math.abs(report().volumeTraded() - 9.95) < 1e-9);
    // the take profit follows, and nothing is delivered twice
    await().atMost(WAIT).until(() -> botOrders().stream().anyMatch(o -> o.price().compareTo(new BigDecimal("101.49")) == 0));
    assertThat(eventsOf(OrderFilled.class)).hasSize(1);
    assertThat(eventsOf(OrderCompleted.class)).hasSize(1);
  }

  @Test
  void aCandlesConfigReadsClosedCandlesOfItsFeed() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("id", "bb");
    config.put("controller_name", "bollinger_v1");
    config.put("controller_type", "directional_trading");
    config.put("connector_name", "sim");
    config.put("trading_pair", "SOL-USDT");
    config.put("candles_connector", "sim");
    config.put("candles_trading_pair", "BTC-USDT");
    config.put("interval", "1m");
    config.put("total_amount_quote", "100");
    LiveMarketView.CandleFeed feed = BotRuntime.candleFeed(ControllerRegistry.parse(config), name -> sim.marketData());
    assertThat(feed.pair()).isEqualTo(TradingPair.parse("BTC-USDT"));
    LiveMarketView view = new LiveMarketView("sim", SOL, sim.marketData(), feed, Clock.systemUTC());

    assertThat(view.refresh()).isTrue();

    Candles candles = view.candles();
    assertThat(candles.intervalSeconds()).isEqualTo(60);
    assertThat(candles.size()).isBetween(100, LiveMarketView.CANDLE_WINDOW);
    // only closed candles: the newest closed at or before now, within the last two minutes
    assertThat(candles.closeTime(candles.lastIndex())).isLessThanOrEqualTo(view.now()).isGreaterThan(view.now() - 120);
    assertThat(view.midPrice()).isEqualTo(100.0); // the maker's 99.00 / 101.00 on SOL-USDT
  }

  @Test
  void aPerpetualControllerSetsItsPositionModeAndLeverage() {
    SimApiKeys.Created key = SimApiKeys.create(venue.url(), "perp");
    try (TradingConnector perp = SimConnectorFactory.perpetual(venue.url()).trading(key.credentials("sim_perpetual"))) {
      assertThat(perp.positionMode()).isEqualTo(PositionMode.ONEWAY); // the venue's default
      Map<String, Object> config = pmmConfig(300);
      config.put("connector_name", "sim_perpetual");
      config.put("trading_pair", "ETH-USDT");
      config.put("position_mode", "HEDGE");
      config.put("leverage", 5);

      PerpetualSettings settings = PerpetualSettings.of(ControllerRegistry.parse(config)).orElseThrow();

      assertThat(settings.apply("sim_perpetual", TradingPair.parse("ETH-USDT"), perp)).isEmpty();
      assertThat(perp.positionMode()).isEqualTo(PositionMode.HEDGE);
      assertThat(settings.leverage()).isEqualTo(5);
    }
  }

  /**
   * A full run on {@code sim_perpetual}: the quiet ETH-USDT perpetual has only a maker's 3267 / 3333 (mid 3300), so
   * the controller quotes 3283.50 / 3316.50; a taker's market sell opens the bot's long on the venue, the fills are
   * recorded in the bot database with their position side, and stop closes the position.
   */
  @Test
  void aPerpetualRunOpensAPositionOnTheVenueRecordsItAndClosesItOnStop(@org.junit.jupiter.api.io.TempDir Path data)
      throws Exception {
    TradingPair eth = TradingPair.parse("ETH-USDT");
    SimConnectorFactory perp = SimConnectorFactory.perpetual(venue.url());
    TradingConnector perpBot = perp.trading(SimApiKeys.create(venue.url(), "perp-bot").credentials("sim_perpetual"));
    TradingConnector perpMaker = perp.trading(SimApiKeys.create(venue.url(), "perp-maker").credentials("sim_perpetual"));
    TradingConnector perpTaker = perp.trading(SimApiKeys.create(venue.url(), "perp-taker").credentials("sim_perpetual"));
    try {
      runPerpetual(data, eth, perp, perpBot, perpMaker, perpTaker);
    } finally {
      if (runtime != null) {
        runtime.stop(true);
      }
      for (TradingConnector account : List.of(perpBot, perpMaker)) {
        for (OrderUpdate o : account.openOrders(Optional.of(eth))) {
          account.cancelOrder(eth, o.clientOrderId());
        }
      }
      List.of(perpBot, perpMaker, perpTaker).forEach(TradingConnector::close);
    }
  }

  private void runPerpetual(Path data, TradingPair eth, SimConnectorFactory perp, TradingConnector perpBot,
      TradingConnector perpMaker, TradingConnector perpTaker) throws Exception {
    perpMaker.placeOrder(new OrderRequest("pm1", eth, TradeType.BUY, OrderType.LIMIT, BigDecimal.ONE,
        new BigDecimal("3267"), null));
    perpMaker.placeOrder(new OrderRequest("pm2", eth, TradeType.SELL, OrderType.LIMIT, BigDecimal.ONE,
        new BigDecimal("3333"), null));
    Map<String, Object> config = pmmConfig(300);
    config.put("id", "pmm_eth");
    config.put("connector_name", "sim_perpetual");
    config.put("trading_pair", "ETH-USDT");
    config.put("total_amount_quote", "100");
    config.put("leverage", 5);
    try (io.aviary.bot.db.BotDatabase database = io.aviary.bot.db.BotDatabase.open(data,
        new io.aviary.bot.db.RecordingScope("perp_bot.yml", "v2_with_controllers"))) {
      runtime = new BotRuntime(new BotRuntime.Settings(Duration.ofMillis(200), Duration.ofSeconds(10),
          Duration.ofSeconds(30), null, null),
          List.of(new BotRuntime.ConnectorSession("sim_perpetual", perpBot, perp.marketData())),
          List.of(Controllers.create(ControllerRegistry.parse(config))), name -> null,
          event -> { events.add(event); database.onEvent(event); }, Clock.systemUTC());
      runtime.start();

      await().atMost(WAIT).until(() -> perpBot.openOrders(Optional.of(eth)).size() == 2);
      assertThat(perpBot.openOrders(Optional.of(eth))).extracting(o -> o.side() + " " + o.amount().stripTrailingZeros()
          .toPlainString() + " @ " + o.price().stripTrailingZeros().toPlainString())
          .containsExactlyInAnyOrder("BUY 0.015 @ 3283.5", "SELL 0.015 @ 3316.5");

      perpTaker.placeOrder(new OrderRequest("pt1", eth, TradeType.SELL, OrderType.MARKET, new BigDecimal("0.015"), null,
          null)); // crosses the bot's bid at 3283.50, the best

      await().atMost(WAIT).until(() -> !eventsOf(OrderFilled.class).isEmpty());
      OrderFilled open = eventsOf(OrderFilled.class).getFirst();
      assertThat(open.price()).isEqualByComparingTo("3283.5");
      assertThat(open.position()).isEqualTo(io.aviary.connectors.model.PositionAction.OPEN);
      await().atMost(WAIT).until(() -> !perpBot.positions().isEmpty());
      assertThat(perpBot.positions()).singleElement().satisfies(p -> {
        assertThat(p.tradingPair()).isEqualTo(eth);
        assertThat(p.side()).isEqualTo(io.aviary.connectors.model.PositionSide.LONG);
        assertThat(p.amount()).isEqualByComparingTo("0.015");
        assertThat(p.entryPrice()).isEqualByComparingTo("3283.5");
        assertThat(p.leverage()).as("the controller's leverage, set on start (the venue's default is 20)").isEqualTo(5);
      });
      // long 0.015 from 3283.50 marked at the best bid 3267: (3267 − 3283.50) · 0.015 = −0.2475, less the fee
      double openFee = open.feeInQuote().doubleValue();
      await().atMost(WAIT).until(() -> Math.abs(report("pmm_eth").unrealizedPnlQuote() - (-0.2475 - openFee)) < 1e-6);

      assertThat(runtime.stop(false)).isTrue();

      assertThat(perpBot.positions()).as("stop closed the long on the venue").isEmpty();
      List<OrderFilled> fills = eventsOf(OrderFilled.class);
      assertThat(fills).hasSize(2);
      OrderFilled close = fills.get(1);
      assertThat(close.tradeType()).isEqualTo(TradeType.SELL);
      assertThat(close.price()).isEqualByComparingTo("3267");
      assertThat(close.position()).isEqualTo(io.aviary.connectors.model.PositionAction.CLOSE);
      double fees = fills.stream().mapToDouble(f -> f.feeInQuote().doubleValue()).sum();
      assertThat(report("pmm_eth").realizedPnlQuote()).isCloseTo(-0.2475 - fees, within(1e-6));
      database.flush();
      try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database.file());
          java.sql.Statement sql = db.createStatement();
          java.sql.ResultSet rs = sql.executeQuery("SELECT market, trade_type, position, price, amount FROM TradeFill "
              + "ORDER BY timestamp")) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(String.join(" ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
        // Hummingbot's encodings: the position as its PositionAction name, price and amount × 10^6
        assertThat(rows).containsExactly("sim_perpetual BUY OPEN 3283500000 15000",
            "sim_perpetual SELL CLOSE 3267000000 15000");
      }
    }
  }

  @Test
  void anEditedConfigDecidesFromTheNextTickAndTheMarketCannotChange() {
    runtime = start(bot, pmm(2), null); // refresh after 2 s, so new spreads show on the venue soon
    await().atMost(WAIT).until(() -> botOrders().size() == 2);

    Map<String, Object> wider = pmmConfig(2);
    wider.put("buy_spreads", List.of(0.008));
    wider.put("sell_spreads", List.of(0.008));
    runtime.updateController(Controllers.create(ControllerRegistry.parse(wider)));
    await().atMost(WAIT).until(() -> botOrders().stream().map(o -> o.price().stripTrailingZeros().toPlainString())
        .sorted().toList().equals(List.of("100.8", "99.2")));

    Map<String, Object> otherMarket = pmmConfig(2);
    otherMarket.put("trading_pair", "BTC-USDT");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> runtime.updateController(Controllers.create(ControllerRegistry.parse(otherMarket))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trading_pair");
  }

  @Test
  void aBalanceLimitKeepsOrdersThatWouldCommitMoreUnsentUntilItIsRaised() {
    BalanceLimits limits = new BalanceLimits();
    limits.set("sim", "USDT", new BigDecimal("5")); // the bid needs 0.1 × 99.50 = 9.95 USDT
    runtime = new BotRuntime(new BotRuntime.Settings(Duration.ofMillis(200), Duration.ofSeconds(10),
        Duration.ofSeconds(30), null, null), List.of(new BotRuntime.ConnectorSession("sim", bot, sim.marketData())),
        List.of(pmm(300)), name -> null, events::add, Clock.systemUTC());
    runtime.useBalanceLimits(limits);
    runtime.start();

    await().atMost(WAIT).until(() -> eventsOf(OrderFailed.class).stream()
        .anyMatch(f -> f.errorMessage().contains("balance limit of 5 USDT")));
    await().atMost(WAIT).until(() -> botOrders().size() == 1);
    assertThat(botOrders()).extracting(o -> o.side()).containsExactly(TradeType.SELL);

    limits.set("sim", "USDT", new BigDecimal("-1")); // removed, as Hummingbot's negative amount does
    await().atMost(WAIT).until(() -> botOrders().size() == 2);
    assertThat(botOrders()).extracting(o -> o.side()).containsExactlyInAnyOrder(TradeType.BUY, TradeType.SELL);
  }

  /**
   * A run that ends without cancelling (as a killed bot does) leaves its two levels on the venue; the taker fills the
   * bid meanwhile. The next run takes the two over: the missed fill is recorded once, the ask is cancelled, and only
   * then does the controller quote again.
   */
  @Test
  void theNextRunRecordsWhatOrdersLeftOpenGotMeanwhileAndCancelsThem() {
    runtime = start(bot, pmm(300), null);
    await().atMost(WAIT).until(() -> eventsOf(OrderCreated.class).size() == 2);
    List<UnfinishedOrder> leftOpen = eventsOf(OrderCreated.class).stream().map(BotRuntimeSimTest::unfinished).toList();
    String oldBid = leftOpen.stream().filter(o -> o.tradeType() == TradeType.BUY).findFirst().orElseThrow().orderId();
    String oldAsk = leftOpen.stream().filter(o -> o.tradeType() == TradeType.SELL).findFirst().orElseThrow().orderId();
    runtime.stop(true);
    market(taker, TradeType.SELL, "0.1"); // fills the old bid at 99.50 while no run watches it
    events.clear();

    runtime = new BotRuntime(new BotRuntime.Settings(Duration.ofMillis(200), Duration.ofSeconds(10),
        Duration.ofSeconds(30), null, null), List.of(new BotRuntime.ConnectorSession("sim", bot, sim.marketData())),
        List.of(pmm(300)), name -> null, events::add, Clock.systemUTC());
    runtime.adoptOrdersLeftOpen(leftOpen, true);
    runtime.start();

    await().atMost(WAIT).until(() -> eventsOf(OrderCancelled.class).stream().anyMatch(c -> c.orderId().equals(oldAsk)));
    assertThat(eventsOf(OrderFilled.class)).filteredOn(f -> f.orderId().equals(oldBid)).singleElement()
        .satisfies(f -> {
          assertThat(f.price()).isEqualByComparingTo("99.50");
          assertThat(f.amount()).isEqualByComparingTo("0.1");
          assertThat(f.tradeType()).isEqualTo(TradeType.BUY);
        });
    assertThat(eventsOf(OrderCompleted.class)).extracting(OrderCompleted::orderId).contains(oldBid);
    await().atMost(WAIT).until(() -> botOrders().size() == 2
        && botOrders().stream().noneMatch(o -> o.clientOrderId().equals(oldAsk) || o.clientOrderId().equals(oldBid)));
    assertThat(eventsOf(OrderFilled.class)).as("the old bid's fill, once").hasSize(1);
  }

  /** An order kept on purpose (a stop that skipped cancelling) is tracked, not cancelled, until a stop that cancels. */
  @Test
  void ordersKeptOnPurposeStayUntilAStopThatCancels() {
    runtime = start(bot, pmm(300), null);
    await().atMost(WAIT).until(() -> eventsOf(OrderCreated.class).size() == 2);
    List<UnfinishedOrder> kept = eventsOf(OrderCreated.class).stream().map(BotRuntimeSimTest::unfinished).toList();
    runtime.stop(true);

    runtime = new BotRuntime(new BotRuntime.Settings(Duration.ofMillis(200), Duration.ofSeconds(10),
        Duration.ofSeconds(30), null, null), List.of(new BotRuntime.ConnectorSession("sim", bot, sim.marketData())),
        List.of(pmm(300)), name -> null, events::add, Clock.systemUTC());
    runtime.adoptOrdersLeftOpen(kept, false);
    runtime.start();
    await().atMost(WAIT).until(() -> botOrders().size() == 4); // the two kept and the new run's two
    assertThat(runtime.stop(false)).isTrue();
    assertThat(botOrders()).isEmpty();
    assertThat(eventsOf(OrderCancelled.class)).extracting(OrderCancelled::orderId)
        .containsAll(kept.stream().map(UnfinishedOrder::orderId).toList());
  }

  /**
   * A spot market maker's position hold survives a stop and a start through the bot database (Hummingbot stores its
   * {@code Position} rows at stop and reloads them at start). The sell level needs 10 / 100 = 0.1 SOL and the bot
   * holds none, so the first run buys it with one MARKET rebalance order into the 101.00 ask; that hold is stored at
   * stop. The next run reloads it before its first decision: it quotes both levels without a second rebalance order
   * and reports the same hold.
   */
  @Test
  void aHoldStoredAtStopIsReloadedAtTheNextStartAndNotBoughtAgain(@org.junit.jupiter.api.io.TempDir Path data) {
    try (io.aviary.bot.db.BotDatabase database = io.aviary.bot.db.BotDatabase.open(data,
        new io.aviary.bot.db.RecordingScope("pmm_bot.yml", "v2_with_controllers"))) {
      runtime = start(bot, rebalancingPmm(), null);
      await().atMost(WAIT).until(() -> report().positionsSummary().size() == 1
          && report().positionsSummary().getFirst().amount() > 0.099);
      assertThat(marketOrdersCreated()).as("the first run's rebalance order").hasSize(1);
      assertThat(runtime.stop(false)).isTrue();
      PositionSummary stored = report().positionsSummary().getFirst();
      assertThat(stored.breakevenPrice()).isEqualTo(101.0, within(1e-9));
      io.aviary.bot.app.HeldPositions.store(runtime.performance(), database, System.currentTimeMillis());
      events.clear();

      runtime = new BotRuntime(new BotRuntime.Settings(Duration.ofMillis(200), Duration.ofSeconds(10),
          Duration.ofSeconds(30), null, null), List.of(new BotRuntime.ConnectorSession("sim", bot, sim.marketData())),
          List.of(rebalancingPmm()), name -> null, events::add, Clock.systemUTC());
      io.aviary.bot.app.HeldPositions.reload(database, List.of("pmm_sol"), runtime);
      runtime.start();

      await().atMost(WAIT).until(() -> eventsOf(OrderCreated.class).size() >= 2 && botOrders().size() == 2);
      assertThat(marketOrdersCreated()).as("no second rebalance order").isEmpty();
      assertThat(eventsOf(OrderCreated.class)).hasSize(2);
      await().atMost(WAIT).until(() -> report().positionsSummary().size() == 1);
      PositionSummary reloaded = report().positionsSummary().getFirst();
      assertThat(reloaded.side()).isEqualTo(stored.side());
      assertThat(reloaded.amount()).isCloseTo(stored.amount(), within(1e-12));
      assertThat(reloaded.breakevenPrice()).isCloseTo(stored.breakevenPrice(), within(1e-12));
      assertThat(reloaded.cumFeesQuote()).isCloseTo(stored.cumFeesQuote(), within(1e-12));
      assertThat(reloaded.volumeTradedQuote()).isCloseTo(stored.volumeTradedQuote(), within(1e-12));
    }
  }

  private List<OrderCreated> marketOrdersCreated() {
    return eventsOf(OrderCreated.class).stream().filter(c -> c.orderType() == OrderType.MARKET).toList();
  }

  /** What the bot database reads back for a created, unfilled order. */
  private static UnfinishedOrder unfinished(OrderCreated c) {
    return new UnfinishedOrder(c.orderId(), c.exchangeOrderId(), c.connector(), c.tradingPair(), c.tradeType(),
        c.orderType(), c.amount(), c.price(), c.leverage(), c.position(), c.timestampMs(), Set.of(), BigDecimal.ZERO,
        BigDecimal.ZERO);
  }

  private BotRuntime start(TradingConnector trading, Controller controller, BigDecimal maxControllerDrawdown) {
    return start(trading, controller, maxControllerDrawdown, null);
  }

  private BotRuntime start(TradingConnector trading, Controller controller, BigDecimal maxControllerDrawdown,
      BigDecimal maxGlobalDrawdown) {
    return start(trading, controller, maxControllerDrawdown, maxGlobalDrawdown, Duration.ofSeconds(10));
  }

  private BotRuntime start(TradingConnector trading, Controller controller, BigDecimal maxControllerDrawdown,
      BigDecimal maxGlobalDrawdown, Duration stopTimeout) {
    BotRuntime.Settings settings = new BotRuntime.Settings(Duration.ofMillis(200), stopTimeout,
        Duration.ofSeconds(30), maxGlobalDrawdown, maxControllerDrawdown);
    BotRuntime r = new BotRuntime(settings,
        List.of(new BotRuntime.ConnectorSession("sim", trading, sim.marketData())), List.of(controller),
        name -> null, events::add, Clock.systemUTC());
    r.start();
    return r;
  }

  private static Controller pmm(long refreshSeconds) {
    return Controllers.create(ControllerRegistry.parse(pmmConfig(refreshSeconds)));
  }

  /** The pmm with Hummingbot's default {@code skip_rebalance: false}: it buys the base its sell level needs first. */
  private static Controller rebalancingPmm() {
    Map<String, Object> config = pmmConfig(300);
    config.put("skip_rebalance", false);
    return Controllers.create(ControllerRegistry.parse(config));
  }

  /**
   * The bot's pmm on SOL-USDT. It skips the spot position rebalance (a MARKET buy of the sell level's base at start)
   * so each test sees only the orders it is about; {@link #rebalancingPmm()} is the one that rebalances.
   */
  private static Map<String, Object> pmmConfig(long refreshSeconds) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("id", "pmm_sol");
    config.put("controller_name", "pmm_simple");
    config.put("controller_type", "market_making");
    config.put("connector_name", "sim");
    config.put("trading_pair", "SOL-USDT");
    config.put("total_amount_quote", "20");
    config.put("buy_spreads", List.of(0.005));
    config.put("sell_spreads", List.of(0.005));
    config.put("buy_amounts_pct", List.of("1"));
    config.put("sell_amounts_pct", List.of("1"));
    config.put("executor_refresh_time", refreshSeconds);
    config.put("cooldown_time", 15);
    config.put("leverage", 1);
    config.put("stop_loss", "0.03");
    config.put("take_profit", "0.02");
    config.put("time_limit", 2700);
    config.put("take_profit_order_type", 2);
    config.put("skip_rebalance", true);
    return config;
  }

  private TradingConnector account(SimApiKeys.Created key) {
    TradingConnector account = sim.trading(key.credentials("sim"));
    accounts.add(account);
    return account;
  }

  private List<OrderUpdate> botOrders() {
    return botView.openOrders(Optional.of(SOL));
  }

  private OrderUpdate buyOrder() {
    return botOrders().stream().filter(o -> o.side() == TradeType.BUY).findFirst().orElseThrow();
  }

  private PerformanceReport report() {
    return report("pmm_sol");
  }

  private PerformanceReport report(String controllerId) {
    return runtime.performance().get(controllerId);
  }

  private <T extends BotEvent> List<T> eventsOf(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private void limit(TradingConnector account, TradeType side, String amount, String price) {
    account.placeOrder(new OrderRequest("t" + ids.incrementAndGet(), SOL, side, OrderType.LIMIT,
        new BigDecimal(amount), new BigDecimal(price), null));
  }

  private void market(TradingConnector account, TradeType side, String amount) {
    account.placeOrder(new OrderRequest("t" + ids.incrementAndGet(), SOL, side, OrderType.MARKET,
        new BigDecimal(amount), null, null));
  }
}
