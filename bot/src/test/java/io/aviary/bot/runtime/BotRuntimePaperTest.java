package io.aviary.bot.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.aviary.bot.events.BotEvent;
import io.aviary.bot.events.OrderFilled;
import io.aviary.bot.paper.SqlitePaperLedger;
import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.paper.PaperConnectorFactory;
import io.aviary.connectors.paper.PaperSettings;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.connectors.sim.SimConnectorFactory;
import io.aviary.connectors.sim.SimVenueProcess;
import io.aviary.strategy.config.ControllerRegistry;
import io.aviary.strategy.controller.Controllers;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code pmm_simple} controller live on {@code sim_paper_trade}: orders and balances are the bot's paper account
 * in its SQLite ledger, prices and fills come from the sim venue's public book (its own process). SOL-USDT is a
 * quiet market: a maker account rests 99.00 / 101.00, so the controller quotes 99.50 / 100.50 on paper; new ask
 * volume at 99.40 on the venue reaches the paper bid. Paper fees: 0.1 % maker and taker, in USDT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotRuntimePaperTest {
  private static final TradingPair SOL = TradingPair.parse("SOL-USDT");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String CONNECTOR = "sim_paper_trade";

  private SimVenueProcess venue;
  private SimConnectorFactory sim;
  private final List<BotEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  void startVenue() {
    venue = SimVenueProcess.start(Map.of("SIM_EXCHANGE_QUIET_MARKETS", "spot:SOL-USDT"));
    sim = SimConnectorFactory.spot(venue.url());
  }

  @AfterAll
  void stopVenue() {
    if (venue != null) {
      venue.close();
    }
  }

  @Test
  void paperFillsFromTheSimBookMoveTheLedgersBalancesWhichSurviveARestart(@TempDir Path data) {
    Path file = SqlitePaperLedger.fileFor(data, "paper_bot");
    Map<String, BigDecimal> before;
    try (TradingConnector maker = sim.trading(SimApiKeys.create(venue.url(), "maker").credentials("sim"))) {
      place(maker, "m1", TradeType.BUY, OrderType.LIMIT, "1", "99.00");
      place(maker, "m2", TradeType.SELL, OrderType.LIMIT, "1", "101.00");
      try (SqlitePaperLedger ledger = new SqlitePaperLedger(file);
          TradingConnector paper = paper(ledger).trading("paper_bot", Map.of())) {
        BotRuntime runtime = start(paper);

        await().atMost(WAIT).until(() -> paper.openOrders(Optional.of(SOL)).size() == 2);
        assertThat(paper.openOrders(Optional.of(SOL))).extracting(o -> o.side() + " " + plain(o.amount()) + " @ "
            + plain(o.price())).containsExactlyInAnyOrder("BUY 0.1 @ 99.5", "SELL 0.099 @ 100.5");
        // the paper bid holds 0.1 × 99.50 plus the maker fee; the ask its SOL
        assertThat(locked(paper, "USDT")).isEqualByComparingTo("9.95995");
        assertThat(locked(paper, "SOL")).isEqualByComparingTo("0.099");

        place(maker, "m3", TradeType.SELL, OrderType.LIMIT, "0.1", "99.40"); // new ask volume through the paper bid

        await().atMost(WAIT).until(() -> !eventsOf(OrderFilled.class).isEmpty());
        OrderFilled fill = eventsOf(OrderFilled.class).getFirst();
        assertThat(fill.connector()).isEqualTo(CONNECTOR);
        assertThat(fill.price()).isEqualByComparingTo("99.50"); // a resting paper order fills at its own price
        assertThat(fill.amount()).isEqualByComparingTo("0.1");
        assertThat(fill.feeInQuote()).isEqualByComparingTo("0.00995");
        await().atMost(WAIT).until(() -> totals(paper).get("SOL").compareTo(new BigDecimal("100.1")) == 0);
        assertThat(totals(paper).get("USDT")).isEqualByComparingTo("99990.04005");
        await().atMost(WAIT).until(() -> Math.abs(report(runtime).volumeTraded() - 9.95) < 1e-9);

        // stop closes the long with a MARKET sell into the venue's 99.00 bid, on paper: taker fee 0.0099
        assertThat(runtime.stop(false)).isTrue();
        assertThat(paper.openOrders(Optional.empty())).isEmpty();
        assertThat(totals(paper).get("SOL")).isEqualByComparingTo("100");
        assertThat(totals(paper).get("USDT")).isEqualByComparingTo("99999.93015");
        assertThat(report(runtime).realizedPnlQuote()).isCloseTo(-0.05 - 0.00995 - 0.0099, within(1e-9));
        before = totals(paper);
      }
      assertThat(maker.openOrders(Optional.of(SOL))).as("paper orders never reach the venue")
          .extracting(OrderUpdate::clientOrderId).containsExactlyInAnyOrder("m1", "m2", "m3");
      maker.openOrders(Optional.of(SOL)).forEach(o -> maker.cancelOrder(SOL, o.clientOrderId()));
    }

    // a restarted bot: a new ledger on the same file, a new session of the same account
    try (SqlitePaperLedger ledger = new SqlitePaperLedger(file);
        TradingConnector paper = paper(ledger).trading("paper_bot", Map.of())) {
      assertThat(totals(paper)).as("not the starting balances again").isEqualTo(before);
      assertThat(paper.trades(SOL, null)).hasSize(2);
    }
  }

  private BotRuntime start(TradingConnector paper) {
    BotRuntime runtime = new BotRuntime(new BotRuntime.Settings(Duration.ofMillis(200), Duration.ofSeconds(10),
        Duration.ofSeconds(30), null, null), List.of(new BotRuntime.ConnectorSession(CONNECTOR, paper, sim.marketData())),
        List.of(Controllers.create(ControllerRegistry.parse(pmmConfig()))), name -> null, events::add,
        Clock.systemUTC());
    runtime.start();
    return runtime;
  }

  /** {@code sim_paper_trade} as the bot's registry makes it, with the book checked every 200 ms. */
  private PaperConnectorFactory paper(SqlitePaperLedger ledger) {
    PaperSettings defaults = PaperSettings.defaults();
    return new PaperConnectorFactory(sim, Optional.of(ledger), new PaperSettings(defaults.makerFee(),
        defaults.takerFee(), defaults.startingBalances(), Duration.ofMillis(200)));
  }

  private static Map<String, Object> pmmConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("id", "pmm_paper");
    config.put("controller_name", "pmm_simple");
    config.put("controller_type", "market_making");
    config.put("connector_name", CONNECTOR);
    config.put("trading_pair", "SOL-USDT");
    config.put("total_amount_quote", "20");
    config.put("buy_spreads", List.of(0.005));
    config.put("sell_spreads", List.of(0.005));
    config.put("buy_amounts_pct", List.of("1"));
    config.put("sell_amounts_pct", List.of("1"));
    config.put("executor_refresh_time", 300);
    config.put("stop_loss", "0.03");
    config.put("take_profit", "0.02");
    config.put("take_profit_order_type", 2);
    config.put("skip_rebalance", true); // the test follows the quotes' fills, not a start-up MARKET buy
    return config;
  }

  private static void place(TradingConnector account, String id, TradeType side, OrderType type, String amount,
      String price) {
    account.placeOrder(new OrderRequest(id, SOL, side, type, new BigDecimal(amount),
        price == null ? null : new BigDecimal(price), null));
  }

  private static BigDecimal locked(TradingConnector paper, String asset) {
    Balance balance = paper.balances().stream().filter(b -> b.asset().equals(asset)).findFirst().orElseThrow();
    return balance.total().subtract(balance.available());
  }

  private static Map<String, BigDecimal> totals(TradingConnector paper) {
    return paper.balances().stream().collect(Collectors.toMap(Balance::asset, b -> b.total().stripTrailingZeros()));
  }

  private static PerformanceReport report(BotRuntime runtime) {
    return runtime.performance().get("pmm_paper");
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private <T extends BotEvent> List<T> eventsOf(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
