package io.aviary.strategy.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.config.ControllerRegistry;
import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.DCAExecutorConfig;
import io.aviary.strategy.executor.DCAMode;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.GridExecutorConfig;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TrailingStop;
import io.aviary.strategy.executor.TripleBarrierConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dman_v3, dman_maker_v2, pmm_dynamic and grid_strike on small hand-computed fixtures. */
class NewControllersTest {
  private static final BacktestEngine ENGINE = new BacktestEngine(new BacktestSettings(0.001, 0, 1000));
  private static final TripleBarrierConfig TB =
      TripleBarrierConfig.of(0.03, 0.02, 2700L, new TrailingStop(0.015, 0.005), OrderType.MARKET, OrderType.LIMIT);

  record DManV3Cfg(String id, String controllerName, String controllerType, String connectorName,
      String tradingPair, BigDecimal totalAmountQuote, int maxExecutorsPerSide, long cooldownTime, int leverage,
      TripleBarrierConfig tripleBarrierConfig, int bbLength, double bbStd, double bbLongThreshold,
      double bbShortThreshold, List<BigDecimal> dcaSpreads, List<BigDecimal> dcaAmountsPct,
      boolean dynamicOrderSpread, boolean dynamicTarget, List<BigDecimal> activationBounds)
      implements DManV3Settings {
    static DManV3Cfg of(boolean dynamic) {
      return new DManV3Cfg("d3", "dman_v3", "directional_trading", "sim", "BTC-USDT", BigDecimal.valueOf(1000), 2,
          300, 1, TB, 3, 1.0, 0.0, 1.0, List.of(new BigDecimal("0.01"), new BigDecimal("0.02")),
          List.of(BigDecimal.ONE, BigDecimal.ONE), dynamic, dynamic, null);
    }
  }

  /** Closes 100, 100, 100, 90: %B(3, 1σ) of 90 = (90 − (96.67 − 4.71)) / 9.43 = −0.21 < 0 → long at step 3. */
  private static final double[][] DIP = {
      {100, 100, 100, 100}, {100, 100, 100, 100}, {100, 100, 100, 100}, {100, 100, 90, 90}, {90, 90, 90, 90}};

  @Test
  void dmanV3OpensADcaOfItsSpreadsOnTheBollingerSignal() {
    BacktestResult r = ENGINE.run(new DManV3Controller(DManV3Cfg.of(false)), TestConfigs.candles(DIP));
    DCAExecutorConfig dca = assertInstanceOf(DCAExecutorConfig.class, r.executors().getFirst().config());
    assertEquals(240, dca.timestamp(), "decided at candle 3's close");
    assertEquals(TradeType.BUY, dca.side());
    assertEquals(DCAMode.MAKER, dca.mode());
    // amount = 1000 / 90 / 2 base = 500 quote, split 50/50; prices 90 · (1 − 0.01), 90 · (1 − 0.02)
    assertEquals(List.of(250.0, 250.0), dca.amountsQuote());
    assertEquals(90 * 0.99, dca.prices().get(0), 1e-12);
    assertEquals(90 * 0.98, dca.prices().get(1), 1e-12);
    assertEquals(0.03, dca.stopLoss());
    assertNull(dca.takeProfit(), "dman_v3 sets no take profit on its DCA");
    assertEquals(2700L, dca.timeLimit());
  }

  @Test
  void dmanV3DynamicSpreadAndTargetScaleByHalfTheBandwidth() {
    BacktestResult r = ENGINE.run(new DManV3Controller(DManV3Cfg.of(true)), TestConfigs.candles(DIP));
    DCAExecutorConfig dca = (DCAExecutorConfig) r.executors().getFirst().config();
    double sigma = Math.sqrt(200.0 / 9); // population σ of 100, 100, 90
    double m = 2 * sigma / (290.0 / 3) / 2; // BBB/200 = 100 · (upper − lower) / middle / 200
    assertEquals(90 * (1 - 0.01 * m), dca.prices().get(0), 1e-9);
    assertEquals(90 * (1 - 0.02 * m), dca.prices().get(1), 1e-9);
    assertEquals(0.03 * m, dca.stopLoss(), 1e-12);
    assertEquals(new TrailingStop(0.015 * m, 0.005 * m).activationPrice(),
        dca.trailingStop().activationPrice(), 1e-12);
  }

  record MakerCfg(String id, String controllerName, String controllerType, String connectorName,
      String tradingPair, BigDecimal totalAmountQuote, List<Double> buySpreads, List<Double> sellSpreads,
      List<BigDecimal> buyAmountsPct, List<BigDecimal> sellAmountsPct, long executorRefreshTime, long cooldownTime,
      int leverage, TripleBarrierConfig tripleBarrierConfig, List<BigDecimal> dcaSpreads,
      List<BigDecimal> dcaAmounts, Double topExecutorRefreshTime, List<BigDecimal> executorActivationBounds)
      implements DManMakerV2Settings {}

  @Test
  void dmanMakerV2LevelsAreDcaExecutorsAndTheTopLevelRefreshesSooner() {
    MakerCfg cfg = new MakerCfg("m2", "dman_maker_v2", "market_making", "sim", "BTC-USDT",
        BigDecimal.valueOf(1000), List.of(0.01), List.of(), List.of(BigDecimal.ONE), List.of(), 600, 15, 1,
        TripleBarrierConfig.of(0.03, 0.02, 2700L, null, OrderType.LIMIT, OrderType.MARKET),
        List.of(BigDecimal.ZERO, new BigDecimal("0.02")), List.of(BigDecimal.ONE, new BigDecimal("3")), 120.0,
        null);
    double[][] flat = new double[6][];
    java.util.Arrays.fill(flat, new double[] {100, 100, 100, 100});
    BacktestResult r = ENGINE.run(new DManMakerV2Controller(cfg), TestConfigs.candles(flat));
    ExecutorInfo first = r.executors().getFirst();
    DCAExecutorConfig dca = (DCAExecutorConfig) first.config();
    // buy_0 at 100 · 0.99 = 99 for 1000/99 base; DCA prices 99 and 99 · 0.98, quote (1000/99) · ¼ · 99 and · ¾ · 97.02
    assertEquals("buy_0", dca.levelId());
    assertEquals(List.of(99.0, 99 * 0.98), dca.prices());
    assertEquals(250, dca.amountsQuote().get(0), 1e-9);
    assertEquals(1000 / 99.0 * 0.75 * 99 * 0.98, dca.amountsQuote().get(1), 1e-9);
    assertEquals(0.02, dca.takeProfit());
    // created at 60; idle; top_executor_refresh_time 120 < executor_refresh_time 600: stopped at 240, re-created
    assertEquals(CloseType.EARLY_STOP, first.closeType());
    assertEquals(240, first.closeTimestamp());
    assertEquals(300, r.executors().get(1).timestamp());
  }

  record PmmDynamicCfg(String id, String controllerName, String controllerType, String connectorName,
      String tradingPair, BigDecimal totalAmountQuote, List<Double> buySpreads, List<Double> sellSpreads,
      List<BigDecimal> buyAmountsPct, List<BigDecimal> sellAmountsPct, long executorRefreshTime, long cooldownTime,
      int leverage, TripleBarrierConfig tripleBarrierConfig, int macdFast, int macdSlow, int macdSignal,
      int natrLength) implements PmmDynamicSettings {}

  @Test
  void pmmDynamicShiftsTheReferenceAndScalesSpreadsByNatr() {
    PmmDynamicCfg cfg = new PmmDynamicCfg("pd", "pmm_dynamic", "market_making", "sim", "BTC-USDT",
        BigDecimal.valueOf(1000), List.of(1.0), List.of(1.0), List.of(BigDecimal.ONE), List.of(BigDecimal.ONE),
        3000, 15, 1, TripleBarrierConfig.of(0.03, 0.02, 2700L, null, OrderType.LIMIT, OrderType.MARKET), 2, 3, 2,
        3);
    double[][] rows = new double[7][];
    java.util.Arrays.fill(rows, new double[] {100, 101, 99, 100});
    BacktestResult r = ENGINE.run(new PmmDynamicController(cfg), TestConfigs.candles(rows));
    // true range 2 on every candle -> NATR = 2/100 = 0.02 once warm (after 3 candles); a flat close gives MACD 0,
    // histogram 0 (-> −1), z-score 0 (no dispersion); price multiplier (0 − 0.5) · 0.02/2 = −0.005:
    // reference 99.5, levels 99.5 · (1 ∓ 1 · 0.02). The MACD z-score needs two values: first levels at step 4.
    List<ExecutorInfo> executors = r.executors();
    assertEquals(2, executors.size());
    PositionExecutorConfig buy = (PositionExecutorConfig) executors.get(0).config();
    PositionExecutorConfig sell = (PositionExecutorConfig) executors.get(1).config();
    assertEquals(300, buy.timestamp());
    assertEquals(99.5 * 0.98, buy.entryPrice(), 1e-9);
    assertEquals(99.5 * 1.02, sell.entryPrice(), 1e-9);
    assertEquals(500 / (99.5 * 0.98), buy.amount(), 1e-9);
  }

  @Test
  void gridStrikeStartsOneGridOnceTheMidIsInsideItsRange() {
    var config = ControllerRegistry.parse(Map.of("id", "gs", "controller_name", "grid_strike",
        "connector_name", "sim", "trading_pair", "BTC-USDT", "total_amount_quote", "100", "start_price", "90",
        "end_price", "110", "limit_price", "85", "max_orders_per_batch", 2));
    Controller controller = Controllers.create(config);
    double[][] rows = {{120, 120, 120, 120}, {115, 115, 108, 108}, {108, 108, 107, 107}, {107, 107, 106, 106}};
    BacktestResult r = ENGINE.run(controller, TestConfigs.candles(rows));
    assertEquals(1, r.executors().size(), "one grid while it is active");
    GridExecutorConfig grid = (GridExecutorConfig) r.executors().getFirst().config();
    assertEquals(120, grid.timestamp(), "candle 0 closed at price 120, outside [90, 110]; candle 1 (closing at t = 120) at 108, inside");
    assertEquals(TradeType.BUY, grid.side());
    assertEquals(90, grid.startPrice());
    assertEquals(110, grid.endPrice());
    assertEquals(85, grid.limitPrice());
    assertEquals(100, grid.totalAmountQuote());
    assertEquals(2, grid.maxOpenOrders());
    assertEquals(2, grid.maxOrdersPerBatch());
    assertEquals(3, grid.orderFrequency());
    assertEquals(0.001, grid.tripleBarrierConfig().takeProfit());
    assertEquals(OrderType.LIMIT_MAKER, grid.tripleBarrierConfig().openOrderType());
    assertTrue(r.executors().getFirst().isActive());
  }
}
