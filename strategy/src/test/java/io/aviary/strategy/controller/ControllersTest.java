package io.aviary.strategy.controller;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControllersTest {
  private static final TripleBarrierConfig TB =
      TripleBarrierConfig.of(0.03, 0.02, 2700L, null, OrderType.MARKET, OrderType.LIMIT);

  @Test
  void makesTheControllerTheConfigNames() {
    assertInstanceOf(BollingerV1Controller.class, Controllers.create(TestConfigs.Bollinger.of(100, 0, 1, TB, 300)));
    assertInstanceOf(MacdBbV1Controller.class, Controllers.create(TestConfigs.MacdBb.of(TB)));
    assertInstanceOf(SuperTrendV1Controller.class, Controllers.create(TestConfigs.SuperTrendCfg.of(TB)));
    assertInstanceOf(PmmSimpleController.class,
        Controllers.create(TestConfigs.Pmm.of(List.of(0.01), List.of(0.01), 300, 15, TB)));
  }

  @Test
  void unknownNamesAndMissingSettingsAreRejectedWithTheReason() {
    var grid = new TestConfigs.Plain("g", "grid_strike", "generic", "sim", "BTC-USDT", BigDecimal.TEN);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Controllers.create(grid)).getMessage()
        .contains("grid_strike"));
    var notBollinger = new TestConfigs.Plain("b", "bollinger_v1", "directional_trading", "sim", "BTC-USDT",
        BigDecimal.TEN);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Controllers.create(notBollinger)).getMessage()
        .contains("BollingerV1Settings"));
  }
}
