package io.aviary.bot.db;

import io.aviary.execution.ExecutorConfigJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.aviary.strategy.config.ControllerRegistry;
import io.aviary.strategy.config.V2ControllerConfig;
import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.DCAExecutorConfig;
import io.aviary.strategy.executor.ExecutionStrategy;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.ExecutorState;
import io.aviary.strategy.executor.OrderExecutorConfig;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.PositionAction;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TrailingStop;
import io.aviary.strategy.executor.TripleBarrierConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Controllers, Executors and Position rows, and reading them back at restart. */
class StrategyRecordingTest {

  /** The position executor of the reference's {@code Executors} example. */
  private static final PositionExecutorConfig CONFIG = new PositionExecutorConfig("3tA9", 1_735_689_600L,
      "pmm_simple_example", "binance_perpetual", "BTC-USDT", TradeType.BUY, 94000, 0.001,
      new TripleBarrierConfig(0.03, 0.02, 2700L, new TrailingStop(0.015, 0.005), OrderType.LIMIT, OrderType.LIMIT,
          OrderType.MARKET, OrderType.MARKET), 20, "buy_0");

  @TempDir
  Path dir;
  private BotDatabase database;
  private Path file;

  @BeforeEach
  void open() {
    database = BotDatabase.open(dir, Events.SCOPE);
    file = database.file();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void anExecutorIsStoredInHummingbotsShapes() {
    database.storeExecutor(new Info(CONFIG, ExecutorState.TERMINATED, CloseType.TAKE_PROFIT, 1_735_690_260L,
        0.0196, 1.84, 0.037, 189.88, false));
    database.flush();

    assertThat(Sql.one(file, "SELECT * FROM \"Executors\"")).containsExactly(
        entry("id", "3tA9"), entry("timestamp", 1.7356896E9), entry("type", "position_executor"),
        entry("close_type", 3), entry("close_timestamp", 1_735_690_260), entry("status", 4),
        entry("config", "{\"id\": \"3tA9\", \"type\": \"position_executor\", \"timestamp\": 1735689600.0, "
            + "\"controller_id\": \"pmm_simple_example\", \"trading_pair\": \"BTC-USDT\", "
            + "\"connector_name\": \"binance_perpetual\", \"side\": 1, \"entry_price\": \"94000\", "
            + "\"amount\": \"0.001\", \"triple_barrier_config\": {\"stop_loss\": \"0.03\", \"take_profit\": \"0.02\", "
            + "\"time_limit\": 2700, \"trailing_stop\": {\"activation_price\": \"0.015\", \"trailing_delta\": \"0.005\"}, "
            + "\"open_order_type\": 2, \"take_profit_order_type\": 2, \"stop_loss_order_type\": 1, "
            + "\"time_limit_order_type\": 1}, \"leverage\": 20, \"activation_bounds\": null, \"level_id\": \"buy_0\"}"),
        entry("net_pnl_pct", 0.0196), entry("net_pnl_quote", 1.84), entry("cum_fees_quote", 0.037),
        entry("filled_amount_quote", 189.88), entry("is_active", 0), entry("is_trading", 0),
        entry("custom_info", "{\"level_id\": \"buy_0\", \"side\": 1}"), entry("controller_id", "pmm_simple_example"));
  }

  @Test
  void orderAndDcaExecutorConfigsUseHummingbotsFieldsAndEnumForms() {
    OrderExecutorConfig order = new OrderExecutorConfig("ord1", 1_735_689_600L, "c1", "binance", "ETH-USDT",
        TradeType.SELL, 0.5, PositionAction.CLOSE, Double.NaN, ExecutionStrategy.MARKET, null, 0, null);
    DCAExecutorConfig dca = new DCAExecutorConfig("dca1", 1_735_689_600L, "c1", "binance", "ETH-USDT",
        TradeType.BUY, 1, List.of(10.0, 20.0), List.of(3300.0, 3250.5), 0.01, null, null, 3600L, null, null, "l1");

    assertThat(PyJson.dumps(ExecutorConfigJson.config(order))).isEqualTo("{\"id\": \"ord1\", \"type\": \"order_executor\", "
        + "\"timestamp\": 1735689600.0, \"controller_id\": \"c1\", \"trading_pair\": \"ETH-USDT\", "
        + "\"connector_name\": \"binance\", \"side\": 2, \"amount\": \"0.5\", \"position_action\": \"CLOSE\", "
        + "\"price\": null, \"chaser_config\": null, \"execution_strategy\": \"MARKET\", \"leverage\": 1, "
        + "\"level_id\": null}");
    assertThat(PyJson.dumps(ExecutorConfigJson.config(dca))).isEqualTo("{\"id\": \"dca1\", \"type\": \"dca_executor\", "
        + "\"timestamp\": 1735689600.0, \"controller_id\": \"c1\", \"connector_name\": \"binance\", "
        + "\"trading_pair\": \"ETH-USDT\", \"side\": 1, \"leverage\": 1, \"amounts_quote\": [\"10\", \"20\"], "
        + "\"prices\": [\"3300\", \"3250.5\"], \"take_profit\": \"0.01\", \"stop_loss\": null, "
        + "\"trailing_stop\": null, \"time_limit\": 3600, \"mode\": \"MAKER\", \"activation_bounds\": null, "
        + "\"level_id\": \"l1\"}");
  }

  @Test
  void storingAnExecutorTwiceUpdatesItsOneRow() {
    database.storeExecutor(new Info(CONFIG, ExecutorState.RUNNING, null, 0, 0.001, 0.1, 0.01, 94, true));
    database.storeExecutor(new Info(CONFIG, ExecutorState.TERMINATED, CloseType.STOP_LOSS, 1_735_690_000L, -0.03,
        -2.82, 0.04, 188, false));
    database.flush();

    assertThat(Sql.count(file, "Executors")).isEqualTo(1);
    assertThat(Sql.one(file, "SELECT close_type, close_timestamp, status, net_pnl_quote, is_active, is_trading "
        + "FROM \"Executors\"")).containsExactly(entry("close_type", 2), entry("close_timestamp", 1_735_690_000),
        entry("status", 4), entry("net_pnl_quote", -2.82), entry("is_active", 0), entry("is_trading", 0));
  }

  @Test
  void aRunningExecutorHasNoCloseTypeNorCloseTimestamp() {
    database.storeExecutor(new Info(CONFIG, ExecutorState.RUNNING, null, 0, 0, 0, 0, 0, false),
        Map.of("level_id", "buy_0"));
    database.flush();

    Map<String, Object> row = Sql.one(file, "SELECT close_type, close_timestamp, status, is_active, custom_info "
        + "FROM \"Executors\"");
    assertThat(row).containsEntry("close_type", null).containsEntry("close_timestamp", null)
        .containsEntry("status", 2).containsEntry("is_active", 1).containsEntry("custom_info", "{\"level_id\": \"buy_0\"}");
  }

  @Test
  void storedExecutorsAreReadBackPerController() {
    database.storeExecutor(new Info(CONFIG, ExecutorState.TERMINATED, CloseType.POSITION_HOLD, 1_735_690_260L,
        0.01, 0.5, 0.02, 94, false));
    database.storeExecutor(new Info(withId(CONFIG, "other", "another_controller"), ExecutorState.RUNNING, null, 0,
        0, 0, 0, 0, false));

    List<StoredExecutor> executors = database.executorsOf("pmm_simple_example");

    assertThat(executors).singleElement().satisfies(executor -> {
      assertThat(executor.id()).isEqualTo("3tA9");
      assertThat(executor.closeType()).isEqualTo(CloseType.POSITION_HOLD);
      assertThat(executor.countsAsRealized()).isFalse();
      assertThat(executor.status()).isEqualTo(ExecutorState.TERMINATED);
      assertThat(executor.netPnlQuote()).isEqualTo(0.5);
      assertThat(executor.closeTimestamp()).isEqualTo(1_735_690_260.0);
      assertThat(executor.configJson()).startsWith("{\"id\": \"3tA9\"");
    });
  }

  @Test
  void controllersGetOneRowPerStartWithTheirConfigMinusTheId() {
    V2ControllerConfig config = ControllerRegistry.parse(Map.of("id", "pmm_1", "controller_name", "pmm_simple",
        "connector_name", "binance_perpetual", "trading_pair", "BTC-USDT", "total_amount_quote", "250"));
    database.recordControllers(List.of(config));
    database.recordControllers(List.of(config));
    database.flush();

    List<Map<String, Object>> rows = Sql.rows(file, "SELECT * FROM \"Controllers\" ORDER BY controller_id");
    assertThat(rows).hasSize(2);
    assertThat(rows).extracting(row -> row.get("controller_id")).containsExactly(1, 2);
    Map<String, Object> row = rows.get(0);
    assertThat(row).containsEntry("id", "pmm_1").containsEntry("type", "market_making");
    assertThat((Double) row.get("timestamp")).isCloseTo(System.currentTimeMillis() / 1000.0,
        org.assertj.core.data.Offset.offset(60.0));
    String json = (String) row.get("config");
    assertThat(json).startsWith("{\"controller_name\": \"pmm_simple\", \"controller_type\": \"market_making\", ")
        .contains("\"total_amount_quote\": \"250\"", "\"trading_pair\": \"BTC-USDT\"")
        .doesNotContain("\"id\":");
  }

  @Test
  void aPositionIsUpsertedByControllerMarketAndSideIncludingItsRealizedPnl() {
    database.storePosition(position(1_000L, "0.5", "10"));
    database.storePosition(position(2_000L, "0.75", "12.345678912"));
    database.storePosition(new PositionRecord("pmm_1", "binance_perpetual", "BTC-USDT", "SELL", 2_000L,
        BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    database.flush();

    assertThat(Sql.count(file, "Position")).isEqualTo(2);
    Map<String, Object> buy = Sql.one(file, "SELECT * FROM \"Position\" WHERE side = 'BUY'");
    assertThat((String) buy.get("id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(buy).containsEntry("timestamp", 2_000).containsEntry("amount", 750_000)
        .containsEntry("breakeven_price", 94_000_000_000L).containsEntry("realized_pnl_quote", 12_345_678);

    List<PositionRecord> positions = database.positionsOf("pmm_1");
    assertThat(positions).hasSize(2);
    assertThat(positions).filteredOn(p -> p.side().equals("BUY")).singleElement().satisfies(p -> {
      assertThat(p.amount()).isEqualByComparingTo("0.75");
      assertThat(p.realizedPnlQuote()).isEqualTo(new BigDecimal("12.345678"));
      assertThat(p.breakevenPrice()).isEqualTo(new BigDecimal("94000"));
    });
  }

  private static PositionRecord position(long ts, String amount, String realized) {
    return new PositionRecord("pmm_1", "binance_perpetual", "BTC-USDT", "BUY", ts, new BigDecimal("100"),
        new BigDecimal(amount), new BigDecimal("94000"), new BigDecimal("1.5"), new BigDecimal(realized),
        new BigDecimal("0.04"));
  }

  private static PositionExecutorConfig withId(PositionExecutorConfig c, String id, String controllerId) {
    return new PositionExecutorConfig(id, c.timestamp(), controllerId, c.connectorName(), c.tradingPair(), c.side(),
        c.entryPrice(), c.amount(), c.tripleBarrierConfig(), c.leverage(), c.levelId());
  }

  /** An executor's read-only view with fixed figures. */
  private record Info(ExecutorConfig config, ExecutorState state, CloseType closeType, long closeTimestamp,
      double netPnlPct, double netPnlQuote, double cumFeesQuote, double filledAmountQuote, boolean isTrading)
      implements ExecutorInfo {

    @Override
    public String id() {
      return config.id();
    }
  }
}
