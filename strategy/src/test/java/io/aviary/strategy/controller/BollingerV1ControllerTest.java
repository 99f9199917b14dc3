package io.aviary.strategy.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.SyntheticCandles;
import io.aviary.strategy.TestConfigs;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.indicator.Bollinger;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.util.List;
import org.junit.jupiter.api.Test;

class BollingerV1ControllerTest {
  private static final TripleBarrierConfig BARRIERS =
      TripleBarrierConfig.of(0.03, 0.02, 2700L, null, OrderType.MARKET, OrderType.LIMIT);

  record Fixed(Candles candles, long now) implements MarketView {
    @Override
    public String connectorName() {
      return "sim";
    }

    @Override
    public String tradingPair() {
      return "BTC-USDT";
    }

    @Override
    public double midPrice() {
      return candles.close()[candles.lastIndex()];
    }

    @Override
    public double lastPrice() {
      return midPrice();
    }
  }

  private static Candles closes(double... close) {
    double[][] rows = new double[close.length][];
    for (int i = 0; i < close.length; i++) {
      rows[i] = new double[] {close[i], close[i], close[i], close[i]};
    }
    return TestConfigs.candles(rows);
  }

  @Test
  void longWhenPercentBIsBelowTheLongThreshold() {
    // window [10, 10, 7]: mean 9, population sigma sqrt(2); %B = (7 - (9 - 2 sqrt 2)) / (4 sqrt 2) = 0.1464
    var controller = new BollingerV1Controller(TestConfigs.Bollinger.of(3, 0.2, 0.8, BARRIERS, 300));
    Candles c = closes(10, 10, 10, 7);
    List<ExecutorAction> actions = controller.determineActions(new Fixed(c, 240), List.of(), List.of());
    assertEquals((7 - (9 - 2 * Math.sqrt(2))) / (4 * Math.sqrt(2)), controller.percentB(), 1e-12);
    var create = assertInstanceOf(ExecutorAction.Create.class, actions.getFirst());
    var config = assertInstanceOf(PositionExecutorConfig.class, create.config());
    assertEquals(TradeType.BUY, config.side());
    assertEquals(7, config.entryPrice());
    assertEquals(1000.0 / 7 / 2, config.amount(), 1e-12, "total_amount_quote / price / max_executors_per_side");
    assertEquals(240, config.timestamp());
    assertEquals("bb1", config.controllerId());
    assertEquals(BARRIERS, config.tripleBarrierConfig());
  }

  @Test
  void shortAboveTheShortThresholdAndNothingInBetween() {
    var controller = new BollingerV1Controller(TestConfigs.Bollinger.of(3, 0.2, 0.8, BARRIERS, 300));
    var sell = controller.determineActions(new Fixed(closes(10, 10, 10, 13), 240), List.of(), List.of());
    assertEquals(TradeType.SELL, ((ExecutorAction.Create) sell.getFirst()).config().side());
    var quiet = new BollingerV1Controller(TestConfigs.Bollinger.of(3, 0.2, 0.8, BARRIERS, 300));
    assertTrue(quiet.determineActions(new Fixed(closes(10, 11, 10, 11), 240), List.of(), List.of()).isEmpty());
    var warmingUp = new BollingerV1Controller(TestConfigs.Bollinger.of(3, 0.2, 0.8, BARRIERS, 300));
    assertTrue(warmingUp.determineActions(new Fixed(closes(10, 7), 120), List.of(), List.of()).isEmpty());
  }

  @Test
  void backtestOpensOnlyOnTheSignalsOfClosedCandlesAndRespectsCooldownAndSideLimit() {
    Candles candles = SyntheticCandles.randomWalk(20_000, 30_000, 0.002, 7);
    var config = TestConfigs.Bollinger.of(100, 0.0, 1.0, BARRIERS, 300);
    BacktestResult r = new BacktestEngine(new BacktestSettings(0.0006, 0, 1000))
        .run(new BollingerV1Controller(config), candles);
    double[] pctB = Bollinger.percentB(candles.close(), candles.size(), 100, 2.0);
    double net = 0;
    List<ExecutorInfo> all = r.executors();
    for (int k = 0; k < all.size(); k++) {
      ExecutorInfo e = all.get(k);
      int signalCandle = (int) ((e.timestamp() - 60 - candles.timestamp()[0]) / 60);
      double b = pctB[signalCandle];
      assertTrue(e.side() == TradeType.BUY ? b < 0.0 : b > 1.0, "signal of the last closed candle: " + b);
      int sameSide = 0;
      for (int j = 0; j < k; j++) {
        ExecutorInfo f = all.get(j);
        boolean activeThen = f.closeTimestamp() == 0 || f.closeTimestamp() > e.timestamp();
        if (activeThen) {
          assertTrue(e.timestamp() - f.timestamp() > 300, "cooldown after the newest active executor");
          sameSide += f.side() == e.side() ? 1 : 0;
        }
      }
      assertTrue(sameSide < 2, "max_executors_per_side");
      net += e.closeType() == CloseType.POSITION_HOLD ? 0 : e.netPnlQuote();
    }
    assertTrue(r.results().totalExecutors() > 20, "fixture should trade: " + r.results().totalExecutors());
    assertEquals(net, r.results().netPnlQuote(), 1e-9);
    assertTrue(r.results().closeTypes().containsKey("TAKE_PROFIT"));
    assertTrue(r.results().closeTypes().containsKey("STOP_LOSS") || r.results().closeTypes().containsKey("TIME_LIMIT"));
  }
}
