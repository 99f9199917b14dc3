package io.aviary.strategy;

import io.aviary.strategy.controller.BollingerV1Settings;
import io.aviary.strategy.controller.ControllerConfig;
import io.aviary.strategy.controller.MacdBbV1Settings;
import io.aviary.strategy.controller.MarketMakingSettings;
import io.aviary.strategy.controller.SuperTrendV1Settings;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.market.Candles;
import java.math.BigDecimal;
import java.util.List;

/** Small config records standing in for the io.aviary.strategy.config ones in engine tests. */
public final class TestConfigs {
  private TestConfigs() {}

  public record Plain(String id, String controllerName, String controllerType, String connectorName,
      String tradingPair, BigDecimal totalAmountQuote) implements ControllerConfig {
    public static Plain of(double total) {
      return new Plain("c1", "scripted", "generic", "sim", "BTC-USDT", BigDecimal.valueOf(total));
    }
  }

  public record Bollinger(String id, String controllerName, String controllerType, String connectorName,
      String tradingPair, BigDecimal totalAmountQuote, int maxExecutorsPerSide, long cooldownTime, int leverage,
      TripleBarrierConfig tripleBarrierConfig, int bbLength, double bbStd, double bbLongThreshold,
      double bbShortThreshold) implements BollingerV1Settings {
    public static Bollinger of(int bbLength, double longThreshold, double shortThreshold,
        TripleBarrierConfig barriers, long cooldown) {
      return new Bollinger("bb1", "bollinger_v1", "directional_trading", "sim", "BTC-USDT",
          BigDecimal.valueOf(1000), 2, cooldown, 1, barriers, bbLength, 2.0, longThreshold, shortThreshold);
    }
  }

  public record MacdBb(String id, String controllerName, String controllerType, String connectorName,
      String tradingPair, BigDecimal totalAmountQuote, int maxExecutorsPerSide, long cooldownTime, int leverage,
      TripleBarrierConfig tripleBarrierConfig, int bbLength, double bbStd, double bbLongThreshold,
      double bbShortThreshold, int macdFast, int macdSlow, int macdSignal) implements MacdBbV1Settings {
    public static MacdBb of(TripleBarrierConfig barriers) {
      return new MacdBb("m1", "macd_bb_v1", "directional_trading", "sim", "BTC-USDT", BigDecimal.valueOf(1000),
          2, 300, 1, barriers, 100, 2.0, 0.0, 1.0, 21, 42, 9);
    }
  }

  public record SuperTrendCfg(String id, String controllerName, String controllerType, String connectorName,
      String tradingPair, BigDecimal totalAmountQuote, int maxExecutorsPerSide, long cooldownTime, int leverage,
      TripleBarrierConfig tripleBarrierConfig, int length, double multiplier, double percentageThreshold)
      implements SuperTrendV1Settings {
    public static SuperTrendCfg of(TripleBarrierConfig barriers) {
      return new SuperTrendCfg("s1", "supertrend_v1", "directional_trading", "sim", "BTC-USDT",
          BigDecimal.valueOf(1000), 2, 300, 1, barriers, 20, 4.0, 0.01);
    }
  }

  public record Pmm(String id, String controllerName, String controllerType, String connectorName,
      String tradingPair, BigDecimal totalAmountQuote, List<Double> buySpreads, List<Double> sellSpreads,
      List<BigDecimal> buyAmountsPct, List<BigDecimal> sellAmountsPct, long executorRefreshTime, long cooldownTime,
      int leverage, TripleBarrierConfig tripleBarrierConfig) implements MarketMakingSettings {
    public static Pmm of(List<Double> buySpreads, List<Double> sellSpreads, long refresh, long cooldown,
        TripleBarrierConfig barriers) {
      return new Pmm("p1", "pmm_simple", "market_making", "sim", "BTC-USDT", BigDecimal.valueOf(1000), buySpreads,
          sellSpreads, buySpreads.stream().map(x -> BigDecimal.ONE).toList(),
          sellSpreads.stream().map(x -> BigDecimal.ONE).toList(), refresh, cooldown, 1, barriers);
    }
  }

  /** 1m candles from rows of {open, high, low, close}, opening at t = 0. */
  public static Candles candles(double[]... ohlc) {
    int n = ohlc.length;
    long[] ts = new long[n];
    double[] o = new double[n];
    double[] h = new double[n];
    double[] l = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      ts[i] = 60L * i;
      o[i] = ohlc[i][0];
      h[i] = ohlc[i][1];
      l[i] = ohlc[i][2];
      c[i] = ohlc[i][3];
    }
    return Candles.of(60, ts, o, h, l, c, new double[n]);
  }
}
