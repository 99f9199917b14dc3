package io.aviary.strategy.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.backtest.PositionHold;
import io.aviary.strategy.config.ControllerRegistry;
import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.ExecutionStrategy;
import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.OrderExecutorConfig;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Market making's spot position rebalance (hummingbot-internals §3.2). pmm_simple with total 1000, one buy and one
 * sell level at 0.01 (500 quote each), mid 100: the sell level needs 500 / 100 = 5 base; threshold 0.05 → the held
 * base may be off by 0.25.
 */
class PositionRebalanceTest {

  private static Controller pmm(String connector, boolean skipRebalance) {
    return Controllers.create(ControllerRegistry.parse(pmmConfig(connector, skipRebalance)));
  }

  private static Map<String, Object> pmmConfig(String connector, boolean skipRebalance) {
    return new HashMap<>(Map.of("id", "mm", "controller_name", "pmm_simple",
        "connector_name", connector, "trading_pair", "BTC-USDT", "total_amount_quote", "1000",
        "buy_spreads", "0.01", "sell_spreads", "0.01", "skip_rebalance", skipRebalance,
        "executor_refresh_time", 100_000));
  }

  private record At100(String connectorName) implements MarketView {
    @Override
    public long now() {
      return 60;
    }

    @Override
    public String tradingPair() {
      return "BTC-USDT";
    }

    @Override
    public Candles candles() {
      return TestConfigs.candles(new double[] {100, 100, 100, 100});
    }

    @Override
    public double midPrice() {
      return 100;
    }

    @Override
    public double lastPrice() {
      return 100;
    }
  }

  private static List<ExecutorAction> decide(String connector, boolean skip, double heldBase) {
    return pmm(connector, skip).determineActions(new At100(connector), List.of(), List.of(), () -> heldBase);
  }

  private static OrderExecutorConfig rebalance(List<ExecutorAction> actions) {
    assertEquals(3, actions.size(), "the rebalance order, then buy_0 and sell_0");
    return assertInstanceOf(OrderExecutorConfig.class, ((ExecutorAction.Create) actions.get(0)).config());
  }

  @Test
  void spotMarketMakingBuysTheMissingBaseWithOneMarketOrderExecutor() {
    OrderExecutorConfig order = rebalance(decide("binance", false, 0));
    assertEquals("position_rebalance", order.levelId());
    assertEquals(ExecutionStrategy.MARKET, order.executionStrategy());
    assertEquals(TradeType.BUY, order.side());
    assertEquals(5, order.amount(), 1e-9);
    assertEquals("mm", order.controllerId());

    OrderExecutorConfig topUp = rebalance(decide("binance", false, 4.7)); // 0.3 missing > 0.25
    assertEquals(TradeType.BUY, topUp.side());
    assertEquals(0.3, topUp.amount(), 1e-9);

    OrderExecutorConfig excess = rebalance(decide("binance", false, 5.3)); // 0.3 too much > 0.25
    assertEquals(TradeType.SELL, excess.side());
    assertEquals(0.3, excess.amount(), 1e-9);
  }

  @Test
  void noRebalanceWithinTheThresholdOnAPerpetualOrWithSkipRebalance() {
    for (List<ExecutorAction> actions : List.of(decide("binance", false, 4.8), decide("binance", false, 5.2),
        decide("binance_perpetual", false, 0), decide("binance", true, 0))) {
      assertEquals(2, actions.size());
      for (ExecutorAction a : actions) {
        assertInstanceOf(PositionExecutorConfig.class, ((ExecutorAction.Create) a).config());
      }
    }
  }

  /**
   * In a backtest the rebalance order decided at the first close (t = 60) fills at the next candle's open (100),
   * ends in POSITION_HOLD and its 5 base go to the hold the engine passes on: no second rebalance follows. The
   * levels (99 / 101) are never reached by candles within 99.5..100.5.
   */
  @Test
  void inABacktestOneRebalanceFillsIntoThePositionHoldAndIsNotRepeated() {
    double[][] rows = new double[6][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {100, 100.5, 99.5, 100};
    }
    BacktestResult r = new BacktestEngine(new BacktestSettings(0, 0, 1000))
        .run(pmm("binance", false), TestConfigs.candles(rows));
    List<ExecutorInfo> orders = r.executors().stream().filter(e -> e.config() instanceof OrderExecutorConfig)
        .toList();
    assertEquals(1, orders.size());
    assertEquals("position_rebalance", orders.get(0).levelId());
    assertEquals(60, orders.get(0).timestamp());
    assertEquals(CloseType.POSITION_HOLD, orders.get(0).closeType());
    assertEquals(1, r.positionHolds().size());
    assertEquals(5, r.positionHolds().get(0).netAmountBase(), 1e-9);
  }

  /**
   * A spot market maker that declares the 5 base its sell level needs as {@code initial_positions} sends no
   * rebalance order: the hold starts with them, booked at the first close (100) with no fee and no volume, and
   * counts in PnL (marked at the last close, 100.4: +0.4 · 5).
   */
  @Test
  void initialPositionsOpenTheHoldSoNoRebalanceOrderIsSent() {
    double[][] rows = new double[6][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {100, 100.5, 99.5, i == rows.length - 1 ? 100.4 : 100};
    }
    Map<String, Object> raw = pmmConfig("binance", false);
    raw.put("initial_positions", List.of(Map.of("connector_name", "binance", "trading_pair", "BTC-USDT",
        "amount", "5", "side", "BUY")));

    BacktestResult r = new BacktestEngine(new BacktestSettings(0, 0, 1000))
        .run(Controllers.create(ControllerRegistry.parse(raw)), TestConfigs.candles(rows));

    assertEquals(List.of(), r.executors().stream().filter(e -> e.config() instanceof OrderExecutorConfig).toList());
    assertEquals(1, r.positionHolds().size());
    PositionHold hold = r.positionHolds().get(0);
    assertEquals(5, hold.netAmountBase(), 1e-9);
    assertEquals(0, hold.nExecutors());
    assertEquals(0, hold.volumeTradedQuote(), 1e-9);
    assertEquals(0, hold.cumFeesQuote(), 1e-9);
    assertEquals(2, hold.unrealizedPnlQuote(), 1e-9);
  }
}
