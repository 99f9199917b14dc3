package io.aviary.strategy.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.SyntheticCandles;
import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.backtest.BacktestData;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.backtest.FeatureTable;
import io.aviary.strategy.config.ControllerRegistry;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.indicator.Atr;
import io.aviary.strategy.indicator.Bollinger;
import io.aviary.strategy.indicator.Macd;
import io.aviary.strategy.indicator.SuperTrend;
import io.aviary.strategy.market.Candles;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The feature table a backtest records on request (processed_data): Hummingbot's column names, row {@code i} = what
 * the controller had after candle {@code i} closed, values equal to the batch (ta4j-checked) indicators or to
 * hand-computed ones, and the signal column agreeing with the entries the controller made.
 */
class ControllerFeaturesTest {
  private static final TripleBarrierConfig BARRIERS =
      TripleBarrierConfig.of(0.03, 0.02, 2700L, null, OrderType.MARKET, OrderType.LIMIT);
  private static final BacktestEngine ENGINE = new BacktestEngine(new BacktestSettings(0.0006, 0, 1000));
  private static final Candles WALK = SyntheticCandles.randomWalk(3_000, 30_000, 0.002, 11);
  private static final List<String> CANDLE_COLUMNS = List.of("timestamp", "open", "high", "low", "close", "volume");

  private static FeatureTable recorded(Controller controller, Candles candles) {
    BacktestResult r = ENGINE.run(controller, BacktestData.of(candles), i -> false, true);
    FeatureTable table = r.features();
    assertEquals(candles.size(), table.rows());
    return table;
  }

  private static List<String> columns(String... features) {
    return java.util.stream.Stream.concat(CANDLE_COLUMNS.stream(), java.util.Arrays.stream(features)).toList();
  }

  @Test
  void aRunNotAskedForFeaturesRecordsNone() {
    var config = TestConfigs.Bollinger.of(3, 0.2, 1.0, BARRIERS, 0);
    assertNull(ENGINE.run(new BollingerV1Controller(config), WALK).features());
  }

  @Test
  void bollingerFeaturesAreHandComputedBandsOfTheCandlesClosedSoFar() {
    // bb_length 3, bb_std 2.0, long below %B 0.2
    var config = TestConfigs.Bollinger.of(3, 0.2, 1.0, BARRIERS, 0);
    Candles candles = TestConfigs.candles(new double[] {10, 10, 10, 10}, new double[] {11, 11, 11, 11},
        new double[] {12, 12, 12, 12}, new double[] {11, 11, 11, 11}, new double[] {9, 9, 9, 9});
    BollingerV1Controller controller = new BollingerV1Controller(config);
    BacktestResult r = ENGINE.run(controller, BacktestData.of(candles), i -> false, true);
    FeatureTable t = r.features();

    assertEquals(columns("BBL_3_2.0", "BBM_3_2.0", "BBU_3_2.0", "BBB_3_2.0", "BBP_3_2.0", "signal"),
        t.columnNames());
    assertEquals(5, t.rows());
    for (int i = 0; i < 5; i++) {
      assertEquals(60L * i, t.timestamp(i), "row " + i + " is keyed by its candle's open time");
      assertEquals(candles.close()[i], t.value(4, i));
    }
    assertTrue(Double.isNaN(t.feature("BBP_3_2.0", 0)) && Double.isNaN(t.feature("BBM_3_2.0", 1)),
        "warm-up rows are NaN (the wire's fillna(0) makes them 0)");
    assertEquals(0, t.feature("signal", 1));
    // row 2: closes 10, 11, 12 -> mean 11, population sigma sqrt(2/3)
    assertBands(t, 2, 11, Math.sqrt(2.0 / 3), 12);
    assertEquals(0, t.feature("signal", 2));
    // row 4: closes 12, 11, 9 -> mean 32/3, sigma sqrt(((4/3)^2 + (1/3)^2 + (5/3)^2) / 3); %B 0.166 < 0.2: long
    assertBands(t, 4, 32.0 / 3, Math.sqrt((16.0 / 9 + 1.0 / 9 + 25.0 / 9) / 3), 9);
    assertEquals(1, t.feature("signal", 4));
    // the entry came from that row: decided at candle 4's close (t = 300)
    assertEquals(1, r.executors().size());
    assertEquals(300, r.executors().getFirst().timestamp());
    assertEquals(TradeType.BUY, r.executors().getFirst().side());
  }

  private static void assertBands(FeatureTable t, int i, double mean, double sigma, double close) {
    double lower = mean - 2 * sigma;
    double upper = mean + 2 * sigma;
    assertEquals(lower, t.feature("BBL_3_2.0", i), 1e-9);
    assertEquals(mean, t.feature("BBM_3_2.0", i), 1e-9);
    assertEquals(upper, t.feature("BBU_3_2.0", i), 1e-9);
    assertEquals(100 * (upper - lower) / mean, t.feature("BBB_3_2.0", i), 1e-9);
    assertEquals((close - lower) / (upper - lower), t.feature("BBP_3_2.0", i), 1e-9);
  }

  @Test
  void macdBbFeaturesEqualTheBatchIndicatorsAtEveryCandleAndExplainEveryEntry() {
    var config = TestConfigs.MacdBb.of(BARRIERS);
    BacktestResult r = ENGINE.run(new MacdBbV1Controller(config), BacktestData.of(WALK), i -> false, true);
    FeatureTable t = r.features();
    assertEquals(columns("BBL_100_2.0", "BBM_100_2.0", "BBU_100_2.0", "BBB_100_2.0", "BBP_100_2.0", "MACD_21_42_9",
        "MACDh_21_42_9", "MACDs_21_42_9", "signal"), t.columnNames());
    int n = WALK.size();
    Bollinger bb = Bollinger.of(WALK.close(), n, 100, 2.0);
    Macd macd = Macd.of(WALK.close(), n, 21, 42, 9);
    for (int i = 99; i < n; i++) {
      assertEquals(bb.lower()[i], t.feature("BBL_100_2.0", i), 1e-6, "row " + i);
      assertEquals(bb.upper()[i], t.feature("BBU_100_2.0", i), 1e-6, "row " + i);
      assertEquals(bb.percentB()[i], t.feature("BBP_100_2.0", i), 1e-9, "row " + i);
      assertEquals(bb.bandwidth()[i], t.feature("BBB_100_2.0", i), 1e-9, "row " + i);
      assertEquals(macd.macd()[i], t.feature("MACD_21_42_9", i), 1e-9, "row " + i);
      assertEquals(macd.histogram()[i], t.feature("MACDh_21_42_9", i), 1e-9, "row " + i);
      assertEquals(macd.signal()[i], t.feature("MACDs_21_42_9", i), 1e-9, "row " + i);
      double pctB = bb.percentB()[i];
      int expected = pctB < 0 && macd.histogram()[i] > 0 && macd.macd()[i] < 0 ? 1
          : pctB > 1 && macd.histogram()[i] < 0 && macd.macd()[i] > 0 ? -1 : 0;
      assertEquals(expected, t.feature("signal", i), "signal at row " + i);
    }
    assertEntriesMatchSignal(r, t);
  }

  /** Each entry was decided at its candle's close (executor timestamp = close time): that row's signal. */
  private static void assertEntriesMatchSignal(BacktestResult r, FeatureTable t) {
    assertTrue(!r.executors().isEmpty(), "fixture should trade");
    for (ExecutorInfo e : r.executors()) {
      int row = (int) ((e.timestamp() - 60 - t.timestamp(0)) / 60);
      assertEquals(e.side() == TradeType.BUY ? 1 : -1, t.feature("signal", row), "entry at row " + row);
    }
  }

  @Test
  void superTrendFeaturesEqualTheBatchIndicator() {
    var config = TestConfigs.SuperTrendCfg.of(BARRIERS);
    BacktestResult r = ENGINE.run(new SuperTrendV1Controller(config), BacktestData.of(WALK), i -> false, true);
    FeatureTable t = r.features();
    assertEquals(columns("SUPERT_20_4.0", "SUPERTd_20_4.0", "percentage_distance", "signal"), t.columnNames());
    SuperTrend st = SuperTrend.of(WALK.high(), WALK.low(), WALK.close(), WALK.size(), 20, 4.0);
    for (int i = 0; i < WALK.size(); i++) {
      double line = st.value()[i];
      if (Double.isNaN(line)) {
        assertTrue(Double.isNaN(t.feature("SUPERT_20_4.0", i)));
        assertEquals(0, t.feature("signal", i));
        continue;
      }
      double distance = Math.abs(WALK.close()[i] - line) / WALK.close()[i];
      assertEquals(line, t.feature("SUPERT_20_4.0", i), 1e-9, "row " + i);
      assertEquals(st.direction()[i], t.feature("SUPERTd_20_4.0", i), "row " + i);
      assertEquals(distance, t.feature("percentage_distance", i), 1e-12, "row " + i);
      assertEquals(distance < 0.01 ? st.direction()[i] : 0, t.feature("signal", i), "row " + i);
    }
    assertEntriesMatchSignal(r, t);
  }

  @Test
  void pmmSimpleReportsItsReferencePriceAndMultiplier() {
    var config = TestConfigs.Pmm.of(List.of(0.01), List.of(0.01), 600, 0, BARRIERS);
    FeatureTable t = recorded(new PmmSimpleController(config), WALK);
    assertEquals(columns("reference_price", "spread_multiplier"), t.columnNames());
    for (int i = 0; i < WALK.size(); i++) {
      assertEquals(WALK.close()[i], t.feature("reference_price", i), "the mid at candle " + i + "'s close");
      assertEquals(1, t.feature("spread_multiplier", i));
    }
  }

  @Test
  void pmmDynamicReportsNatrAndMacdWithTheReferenceTheyGive() {
    var cfg = new NewControllersTest.PmmDynamicCfg("pd", "pmm_dynamic", "market_making", "sim", "BTC-USDT",
        BigDecimal.valueOf(1000), List.of(1.0), List.of(1.0), List.of(BigDecimal.ONE), List.of(BigDecimal.ONE),
        3000, 15, 1, BARRIERS, 12, 26, 9, 14);
    FeatureTable t = recorded(new PmmDynamicController(cfg), WALK);
    assertEquals(columns("reference_price", "spread_multiplier", "NATR_14", "MACD_12_26_9", "MACDh_12_26_9",
        "MACDs_12_26_9"), t.columnNames());
    int n = WALK.size();
    double[] natr = Atr.normalized(WALK.high(), WALK.low(), WALK.close(), n, 14);
    Macd macd = Macd.of(WALK.close(), n, 12, 26, 9);
    for (int i = 200; i < n; i++) {
      assertEquals(natr[i], t.feature("NATR_14", i), 1e-9, "pandas-ta's percent NATR at row " + i);
      assertEquals(natr[i] / 100, t.feature("spread_multiplier", i), 1e-11, "row " + i);
      assertEquals(macd.macd()[i], t.feature("MACD_12_26_9", i), 1e-9, "row " + i);
      assertEquals(macd.histogram()[i], t.feature("MACDh_12_26_9", i), 1e-9, "row " + i);
      assertTrue(t.feature("reference_price", i) > 0, "a warm reference price at row " + i);
    }
  }

  @Test
  void gridStrikeHasOnlyTheCandleColumns() {
    var config = ControllerRegistry.parse(Map.of("id", "gs", "controller_name", "grid_strike",
        "connector_name", "sim", "trading_pair", "BTC-USDT", "total_amount_quote", "100", "start_price", "90",
        "end_price", "110", "limit_price", "85"));
    FeatureTable t = recorded(Controllers.create(config), WALK);
    assertEquals(CANDLE_COLUMNS, t.columnNames());
    assertEquals(WALK.volume()[7], t.value(5, 7));
  }
}
