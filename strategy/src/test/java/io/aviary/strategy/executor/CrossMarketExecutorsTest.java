package io.aviary.strategy.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aviary.strategy.executor.PositionExecutorTest.RecordingGateway;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Arbitrage and XEMM executors over two markets, every expectation computed by hand in the comments: profitability
 * net of fees, both legs, the hedge on a maker fill, the maker order's refresh on drift, PnL, stops, checkpoints.
 */
class CrossMarketExecutorsTest {

  private static final ConnectorPair BINANCE = new ConnectorPair("binance", "BTC-USDT");
  private static final ConnectorPair KUCOIN = new ConnectorPair("kucoin", "BTC-USDT");

  /** Two (or more) markets at one moment: top of book and fee rates per market. */
  static final class Markets implements MarketView {
    record Book(double bid, double ask, double makerFee, double takerFee) {}

    final Map<ConnectorPair, Book> books = new HashMap<>();
    long now;

    Markets at(long t) {
      now = t;
      return this;
    }

    Markets book(ConnectorPair market, double bid, double ask, double makerFee, double takerFee) {
      books.put(market, new Book(bid, ask, makerFee, takerFee));
      return this;
    }

    @Override
    public MarketView market(String connectorName, String tradingPair) {
      Book book = books.get(new ConnectorPair(connectorName, tradingPair));
      if (book == null) {
        throw new IllegalArgumentException("no such market");
      }
      Markets outer = this;
      return new MarketView() {
        @Override
        public long now() {
          return outer.now;
        }

        @Override
        public String connectorName() {
          return connectorName;
        }

        @Override
        public String tradingPair() {
          return tradingPair;
        }

        @Override
        public Candles candles() {
          throw new UnsupportedOperationException();
        }

        @Override
        public double midPrice() {
          return (book.bid() + book.ask()) / 2;
        }

        @Override
        public double lastPrice() {
          return midPrice();
        }

        @Override
        public double bestBid() {
          return book.bid();
        }

        @Override
        public double bestAsk() {
          return book.ask();
        }

        @Override
        public double feeRate(boolean maker) {
          return maker ? book.makerFee() : book.takerFee();
        }
      };
    }

    @Override
    public long now() {
      return now;
    }

    @Override
    public String connectorName() {
      return "binance";
    }

    @Override
    public String tradingPair() {
      return "BTC-USDT";
    }

    @Override
    public Candles candles() {
      throw new UnsupportedOperationException();
    }

    @Override
    public double midPrice() {
      return market("binance", "BTC-USDT").midPrice();
    }

    @Override
    public double lastPrice() {
      return midPrice();
    }
  }

  private static ArbitrageExecutorConfig arbitrage(double minProfitability) {
    return new ArbitrageExecutorConfig(null, 1_000, "c1", BINANCE, KUCOIN, 1, minProfitability, Double.NaN);
  }

  // ---------------------------------------------------------------- arbitrage

  @Test
  void arbitrageWaitsUntilTheGapNetOfBothTakerFeesExceedsItsMinimumThenSendsBothLegs() {
    RecordingGateway gateway = new RecordingGateway();
    ArbitrageExecutor e = new ArbitrageExecutor("a1", arbitrage(0.001), gateway);
    // buy at binance's ask 100, sell at kucoin's bid 100.15: (100.15 − 100)/100 = 0.0015, fees 0.001 + 0.001
    Markets markets = new Markets().at(1_000).book(BINANCE, 99.9, 100, 0.0005, 0.001)
        .book(KUCOIN, 100.15, 100.25, 0.0005, 0.001);
    e.start(markets);
    assertEquals(0.0015 - 0.002, e.profitability(), 1e-12);
    assertEquals(0.002, e.txCostPct(), 1e-12);
    assertTrue(gateway.placed.isEmpty());
    // bid 100.25: 0.0025 − 0.002 = 0.0005, not above 0.001
    e.step(markets.at(1_001).book(KUCOIN, 100.25, 100.3, 0.0005, 0.001));
    assertTrue(gateway.placed.isEmpty());
    // bid 100.5: 0.005 − 0.002 = 0.003 > 0.001
    e.step(markets.at(1_002).book(KUCOIN, 100.5, 100.6, 0.0005, 0.001));
    assertEquals(0.003, e.profitability(), 1e-12);
    assertEquals(List.of(
        new OrderRequest("binance", "BTC-USDT", TradeType.BUY, OrderType.MARKET, 1, Double.NaN, PositionAction.OPEN),
        new OrderRequest("kucoin", "BTC-USDT", TradeType.SELL, OrderType.MARKET, 1, Double.NaN,
            PositionAction.OPEN)), gateway.placed);
    assertEquals(ExecutorState.SHUTTING_DOWN, e.state());

    e.step(markets.at(1_003)); // the legs are in flight: nothing more is sent
    assertEquals(2, gateway.placed.size());
    e.onOrderFilled(new OrderFill("o1", 1_003, 100, 1, 0.1, true));
    assertEquals(0, e.netPnlQuote(), "no PnL before both legs completed");
    assertTrue(e.isTrading());
    e.onOrderFilled(new OrderFill("o2", 1_003, 100.5, 1, 0.1005, true));
    assertEquals(CloseType.COMPLETED, e.closeType());
    assertEquals(1_003, e.closeTimestamp());
    // 100.5 − 100 − (0.1 + 0.1005) = 0.2995, over the 100 bought = 0.002995; both legs traded 200.5
    assertEquals(0.2995, e.netPnlQuote(), 1e-12);
    assertEquals(0.2005, e.cumFeesQuote(), 1e-12);
    assertEquals(0.002995, e.netPnlPct(), 1e-12);
    assertEquals(200.5, e.filledAmountQuote(), 1e-12);
  }

  @Test
  void arbitrageSendsAFailedOrShortLegAgainForWhatItLacksAndFailsAfterTenRetries() {
    RecordingGateway gateway = new RecordingGateway();
    ArbitrageExecutor e = new ArbitrageExecutor("a1", arbitrage(0), gateway);
    Markets markets = new Markets().at(1_000).book(BINANCE, 99, 100, 0, 0).book(KUCOIN, 101, 102, 0, 0);
    e.start(markets);
    assertEquals(2, gateway.placed.size());
    e.onOrderFilled(new OrderFill("o2", 1_000, 101, 0.4, 0, false));
    e.onOrderCancelled("o2"); // the venue ended the sell leg 0.6 short
    e.onOrderFailed("o1"); // and rejected the buy leg
    e.step(markets.at(1_001));
    assertEquals(new OrderRequest("binance", "BTC-USDT", TradeType.BUY, OrderType.MARKET, 1, Double.NaN,
        PositionAction.OPEN), gateway.placed.get(2));
    assertEquals(0.6, gateway.placed.get(3).amount(), 1e-12);
    assertEquals("kucoin", gateway.placed.get(3).connectorName());
    for (int i = 0; i < 8; i++) { // failures 3..10 are retried
      e.onOrderFailed(gateway.ids.getLast());
      e.step(markets.at(1_002 + i));
      assertEquals(ExecutorState.SHUTTING_DOWN, e.state());
    }
    e.onOrderFailed(gateway.ids.getLast()); // the 11th
    assertEquals(CloseType.FAILED, e.closeType());
    assertEquals(0, e.netPnlQuote());
  }

  @Test
  void arbitrageStoppedBeforeItTradedIsAnEarlyStop() {
    RecordingGateway gateway = new RecordingGateway();
    ArbitrageExecutor e = new ArbitrageExecutor("a1", arbitrage(0.01), gateway);
    Markets markets = new Markets().at(1_000).book(BINANCE, 99, 100, 0, 0).book(KUCOIN, 100, 101, 0, 0);
    e.start(markets);
    e.earlyStop(markets.at(1_005), true);
    assertEquals(CloseType.EARLY_STOP, e.closeType());
    assertTrue(gateway.placed.isEmpty());
  }

  @Test
  void arbitrageNeedsTheSameAssetAgainstQuotesWorthTheSame() {
    ConnectorPair wbtc = new ConnectorPair("kucoin", "WBTC-USDC");
    assertEquals("arbitrage_executor",
        new ArbitrageExecutorConfig(null, 1, null, BINANCE, wbtc, 1, 0, Double.NaN).type());
    assertThrows(IllegalArgumentException.class, () -> new ArbitrageExecutorConfig(null, 1, null, BINANCE,
        new ConnectorPair("kucoin", "ETH-USDT"), 1, 0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new ArbitrageExecutorConfig(null, 1, null, BINANCE,
        new ConnectorPair("kucoin", "BTC-EUR"), 1, 0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new ArbitrageExecutorConfig(null, 1, null, BINANCE,
        BINANCE, 1, 0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new ArbitrageExecutorConfig(null, 1, null, BINANCE,
        KUCOIN, 0, 0, Double.NaN));
    ArbitrageExecutorConfig config = arbitrage(0);
    assertEquals(List.of(BINANCE, KUCOIN), config.markets());
    assertEquals(KUCOIN, config.marketOf("sell"));
    assertEquals(BINANCE, config.marketOf("buy"));
  }

  @Test
  void arbitrageResumedFromItsCheckpointCompletesWithTheLegItStillWaitedFor() {
    RecordingGateway gateway = new RecordingGateway();
    Executor e = ExecutorCheckpoint.checkpointable(arbitrage(0), "a1", gateway);
    Markets markets = new Markets().at(1_000).book(BINANCE, 99, 100, 0, 0).book(KUCOIN, 101, 102, 0, 0);
    e.start(markets);
    e.onOrderFilled(new OrderFill("o1", 1_000, 100, 1, 0.1, true, "t1"));
    ExecutorCheckpoint checkpoint = ExecutorCheckpoint.fromMap(ExecutorCheckpoint.of(e).toMap());
    assertEquals(List.of("o2"), checkpoint.openOrders().stream().map(CheckpointOrder::clientOrderId).toList());
    assertEquals(KUCOIN, checkpoint.config().marketOf(checkpoint.openOrders().getFirst().role()));

    Executor resumed = checkpoint.resume(new RecordingGateway());
    resumed.onOrderFilled(new OrderFill("o1", 1_000, 100, 1, 0.1, true, "t1")); // delivered again: ignored
    resumed.onOrderFilled(new OrderFill("o2", 1_001, 101, 1, 0.101, true, "t2"));
    assertEquals(CloseType.COMPLETED, resumed.closeType());
    assertEquals(101 - 100 - 0.201, resumed.netPnlQuote(), 1e-12);
  }

  // ---------------------------------------------------------------- XEMM

  /** Maker BUY on binance (maker fee 0.0005), hedged by a SELL on kucoin (taker fee 0.001): tx cost 0.0015. */
  private static XEMMExecutorConfig xemm(TradeType makerSide) {
    return new XEMMExecutorConfig(null, 1_000, "c1", BINANCE, KUCOIN, makerSide, 1, 0.002, 0.005, 0.01);
  }

  @Test
  void xemmRestsItsMakerOrderAtTheTargetNetOfFeesAndHedgesAtMarketWhenItFills() {
    RecordingGateway gateway = new RecordingGateway();
    XEMMExecutor e = new XEMMExecutor("x1", xemm(TradeType.BUY), gateway);
    // the hedge sells into kucoin's bid 100.65: target 100.65 / (1 + 0.005 + 0.0015) = 100
    Markets markets = new Markets().at(1_000).book(BINANCE, 99.9, 100.1, 0.0005, 0.001)
        .book(KUCOIN, 100.65, 100.7, 0.0005, 0.001);
    e.start(markets);
    assertEquals(0.0015, e.txCostPct(), 1e-12);
    OrderRequest makerOrder = gateway.placed.getFirst();
    assertEquals("binance", makerOrder.connectorName());
    assertEquals(TradeType.BUY, makerOrder.side());
    assertEquals(OrderType.LIMIT, makerOrder.orderType());
    assertEquals(1, makerOrder.amount());
    assertEquals(100, makerOrder.price(), 1e-9);

    e.onOrderFilled(new OrderFill("o1", 1_001, 100, 1, 0.05, true));
    assertEquals(ExecutorState.SHUTTING_DOWN, e.state());
    assertEquals(new OrderRequest("kucoin", "BTC-USDT", TradeType.SELL, OrderType.MARKET, 1, Double.NaN,
        PositionAction.OPEN), gateway.placed.get(1));
    assertEquals(0, e.netPnlQuote());
    e.onOrderFilled(new OrderFill("o2", 1_001, 100.6, 1, 0.1006, true));
    assertEquals(CloseType.COMPLETED, e.closeType());
    // sold 100.6 − bought 100 − fees 0.1506 = 0.4494, over the maker's 100 = 0.004494
    assertEquals(0.4494, e.netPnlQuote(), 1e-12);
    assertEquals(0.004494, e.netPnlPct(), 1e-12);
    assertEquals(200.6, e.filledAmountQuote(), 1e-12);
  }

  @Test
  void xemmSellMakerEarnsTheSpreadWithTheRightSign() {
    RecordingGateway gateway = new RecordingGateway();
    XEMMExecutor e = new XEMMExecutor("x1", xemm(TradeType.SELL), gateway);
    // maker SELL on kucoin, the hedge buys binance's ask 99.35: target 99.35 / (1 − 0.005 − 0.0015) = 100
    Markets markets = new Markets().at(1_000).book(BINANCE, 99.3, 99.35, 0.0005, 0.001)
        .book(KUCOIN, 99.9, 100.1, 0.0005, 0.001);
    e.start(markets);
    OrderRequest makerOrder = gateway.placed.getFirst();
    assertEquals("kucoin", makerOrder.connectorName());
    assertEquals(TradeType.SELL, makerOrder.side());
    assertEquals(100, makerOrder.price(), 1e-9);
    e.onOrderFilled(new OrderFill("o1", 1_001, 100, 1, 0.05, true));
    assertEquals(new OrderRequest("binance", "BTC-USDT", TradeType.BUY, OrderType.MARKET, 1, Double.NaN,
        PositionAction.OPEN), gateway.placed.get(1));
    e.onOrderFilled(new OrderFill("o2", 1_002, 99.4, 1, 0.0994, true));
    // sold 100 − bought 99.4 − fees 0.1494 = 0.4506 (Hummingbot's taker − maker would report −0.7494)
    assertEquals(0.4506, e.netPnlQuote(), 1e-12);
  }

  @Test
  void xemmRefreshesItsMakerOrderWhenProfitabilityDriftsOutOfItsBand() {
    RecordingGateway gateway = new RecordingGateway();
    XEMMExecutor e = new XEMMExecutor("x1", xemm(TradeType.BUY), gateway);
    Markets markets = new Markets().at(1_000).book(BINANCE, 99.9, 100.1, 0.0005, 0.001)
        .book(KUCOIN, 100.65, 100.7, 0.0005, 0.001);
    e.start(markets); // maker BUY at 100
    // bid 100.4: (100.4 − 100)/100 = 0.004, net 0.0025 within [0.002, 0.01]: kept
    e.step(markets.at(1_001).book(KUCOIN, 100.4, 100.5, 0.0005, 0.001));
    assertEquals(0.004, e.tradeProfitability(), 1e-12);
    assertTrue(gateway.cancelled.isEmpty());
    // bid 100.3: 0.003 − 0.0015 = 0.0015 < 0.002: cancelled, re-placed at 100.3 / 1.0065 on the next step
    e.step(markets.at(1_002).book(KUCOIN, 100.3, 100.4, 0.0005, 0.001));
    assertEquals(List.of("o1"), gateway.cancelled);
    assertEquals(1, gateway.placed.size());
    e.onOrderFilled(new OrderFill("o1", 1_002, 100, 0.25, 0.0125, false)); // it had filled a quarter meanwhile
    e.onOrderCancelled("o1");
    e.step(markets.at(1_003));
    OrderRequest second = gateway.placed.get(1);
    assertEquals(100.3 / 1.0065, second.price(), 1e-9);
    assertEquals(0.75, second.amount(), 1e-12, "only what is still missing");
    // bid 101.5 vs 99.65: 0.018565 − 0.0015 > 0.01: too good to be true, cancelled too
    e.step(markets.at(1_004).book(KUCOIN, 101.5, 101.6, 0.0005, 0.001));
    assertEquals(List.of("o1", "o2"), gateway.cancelled);
    e.onOrderCancelled("o2");
    e.step(markets.at(1_005));
    assertEquals(101.5 / 1.0065, gateway.placed.get(2).price(), 1e-9);
    e.onOrderFilled(new OrderFill("o3", 1_006, 100.84, 0.75, 0.0378, true));
    // the hedge sells all the maker leg bought: 0.25 + 0.75
    assertEquals(new OrderRequest("kucoin", "BTC-USDT", TradeType.SELL, OrderType.MARKET, 1, Double.NaN,
        PositionAction.OPEN), gateway.placed.get(3));
  }

  @Test
  void xemmHedgesAFillOfItsCancelledMakerOrderThatArrivesAfterTheHedgeWentOut() {
    RecordingGateway gateway = new RecordingGateway();
    XEMMExecutor e = new XEMMExecutor("x1", xemm(TradeType.BUY), gateway);
    Markets markets = new Markets().at(1_000).book(BINANCE, 99.9, 100.1, 0.0005, 0.001)
        .book(KUCOIN, 100.65, 100.7, 0.0005, 0.001);
    e.start(markets); // o1: BUY 1 at 100
    e.step(markets.at(1_001).book(KUCOIN, 100.3, 100.4, 0.0005, 0.001)); // drift: o1 cancelled
    e.step(markets.at(1_002)); // o2: BUY 1 at 100.3 / 1.0065
    e.onOrderFilled(new OrderFill("o2", 1_003, 99.65, 1, 0.0498, true)); // o3: the hedge, SELL 1
    e.onOrderFilled(new OrderFill("o1", 1_003, 100, 0.2, 0.01, false)); // o1 filled 0.2 before its cancel landed
    e.onOrderCancelled("o1");
    e.onOrderFilled(new OrderFill("o3", 1_004, 100.3, 1, 0.1003, true));
    assertEquals(ExecutorState.SHUTTING_DOWN, e.state(), "0.2 bought is not hedged yet");
    e.step(markets.at(1_005));
    OrderRequest second = gateway.placed.get(3);
    assertEquals(List.of("kucoin", TradeType.SELL, OrderType.MARKET),
        List.of(second.connectorName(), second.side(), second.orderType()));
    assertEquals(0.2, second.amount(), 1e-12);
    e.onOrderFilled(new OrderFill("o4", 1_005, 100.3, 0.2, 0.02006, true));
    assertEquals(CloseType.COMPLETED, e.closeType());
    // sold 1.2 · 100.3 = 120.36, bought 99.65 + 20 = 119.65, fees 0.18016: 0.52984
    assertEquals(120.36 - 119.65 - 0.18016, e.netPnlQuote(), 1e-9);
  }

  @Test
  void xemmStoppedAfterAPartialMakerFillHoldsItOrHedgesIt() {
    Markets markets = new Markets().at(1_000).book(BINANCE, 99.9, 100.1, 0.0005, 0.001)
        .book(KUCOIN, 100.65, 100.7, 0.0005, 0.001);

    RecordingGateway held = new RecordingGateway();
    XEMMExecutor keep = new XEMMExecutor("x1", xemm(TradeType.BUY), held);
    keep.start(markets);
    keep.onOrderFilled(new OrderFill("o1", 1_001, 100, 0.4, 0.02, false));
    keep.earlyStop(markets.at(1_002), true);
    assertEquals(CloseType.POSITION_HOLD, keep.closeType());
    assertEquals(List.of("o1"), held.cancelled);
    List<double[]> booked = new ArrayList<>();
    keep.bookHeldFills((sign, amount, price) -> booked.add(new double[] {sign, amount, price}));
    assertEquals(1, booked.size());
    assertEquals(List.of(1.0, 0.4, 100.0), List.of(booked.get(0)[0], booked.get(0)[1], booked.get(0)[2]));

    RecordingGateway hedged = new RecordingGateway();
    XEMMExecutor close = new XEMMExecutor("x2", xemm(TradeType.BUY), hedged);
    close.start(markets.at(1_000));
    close.onOrderFilled(new OrderFill("o1", 1_001, 100, 0.4, 0.02, false));
    close.earlyStop(markets.at(1_002), false);
    assertEquals(ExecutorState.SHUTTING_DOWN, close.state());
    assertEquals(new OrderRequest("kucoin", "BTC-USDT", TradeType.SELL, OrderType.MARKET, 0.4, Double.NaN,
        PositionAction.OPEN), hedged.placed.get(1));
    close.onOrderFailed("o2");
    close.step(markets.at(1_003)); // the failed hedge goes out again
    assertEquals(0.4, hedged.placed.get(2).amount(), 1e-12);
    close.onOrderFilled(new OrderFill("o3", 1_003, 100.6, 0.4, 0.04024, true));
    assertEquals(CloseType.EARLY_STOP, close.closeType());
    // 0.4 · (100.6 − 100) − (0.02 + 0.04024) = 0.17976
    assertEquals(0.17976, close.netPnlQuote(), 1e-12);

    RecordingGateway none = new RecordingGateway();
    XEMMExecutor idle = new XEMMExecutor("x3", xemm(TradeType.BUY), none);
    idle.start(markets.at(1_000));
    idle.earlyStop(markets.at(1_001), true);
    assertEquals(CloseType.EARLY_STOP, idle.closeType());
    assertFalse(idle.isTrading());
  }

  @Test
  void xemmResumedWhileHedgingCountsTheHedgeAndItsEarlierMakerFillsOnce() {
    RecordingGateway gateway = new RecordingGateway();
    Executor e = ExecutorCheckpoint.checkpointable(xemm(TradeType.BUY), "x1", gateway);
    Markets markets = new Markets().at(1_000).book(BINANCE, 99.9, 100.1, 0.0005, 0.001)
        .book(KUCOIN, 100.65, 100.7, 0.0005, 0.001);
    e.start(markets);
    e.onOrderFilled(new OrderFill("o1", 1_001, 100, 1, 0.05, true, "t1"));
    ExecutorCheckpoint checkpoint = ExecutorCheckpoint.fromMap(ExecutorCheckpoint.of(e).toMap());
    assertEquals(KUCOIN, checkpoint.config().marketOf(checkpoint.openOrders().getFirst().role()));
    Executor resumed = checkpoint.resume(new RecordingGateway());
    assertEquals(ExecutorState.SHUTTING_DOWN, resumed.state());
    resumed.onOrderFilled(new OrderFill("o1", 1_001, 100, 1, 0.05, true, "t1"));
    resumed.onOrderFilled(new OrderFill("o2", 1_002, 100.6, 1, 0.1006, true, "t2"));
    assertEquals(CloseType.COMPLETED, resumed.closeType());
    assertEquals(0.4494, resumed.netPnlQuote(), 1e-12);
  }

  @Test
  void xemmConfigKeepsItsProfitabilityBandInOrder() {
    assertThrows(IllegalArgumentException.class, () -> new XEMMExecutorConfig(null, 1, null, BINANCE, KUCOIN,
        TradeType.BUY, 1, 0.01, 0.005, 0.02));
    assertThrows(IllegalArgumentException.class, () -> new XEMMExecutorConfig(null, 1, null, BINANCE, KUCOIN,
        TradeType.RANGE, 1, 0, 0.005, 0.02));
    XEMMExecutorConfig sellMaker = xemm(TradeType.SELL);
    assertEquals(KUCOIN, sellMaker.makerMarket());
    assertEquals("kucoin", sellMaker.connectorName());
    assertEquals(List.of(KUCOIN, BINANCE), sellMaker.markets());
    assertEquals(BINANCE, sellMaker.marketOf("taker"));
  }
}
