package io.aviary.execution;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import io.aviary.strategy.market.TradingRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Strategy's {@link MarketView} of one live market, refreshed once per tick by its host (the bot runtime, the executors host of trading-service): the top of the order
 * book (mid, best bid/ask; the last traded price when a side is empty) and, for controllers with a candles config,
 * the closed candles of {@code candles_connector}/{@code candles_trading_pair}/{@code interval}, re-read only when
 * a candle has closed since the last read. Values stay fixed between refreshes so a controller and its executors
 * see one consistent moment per tick. The venue's trading rule for the pair is read at the first refresh (rules
 * change rarely; the order gateways re-check every order against the venue's current rule anyway) and answered as
 * {@link #tradingRules()}. Strategy thread only.
 */
public final class LiveMarketView implements MarketView {
  /** Closed candles kept for indicators (Hummingbot's controllers ask for a few hundred at most). */
  public static final int CANDLE_WINDOW = 500;
  private static final Candles NO_CANDLES = Candles.of(60, new long[0], new double[0], new double[0], new double[0],
      new double[0], new double[0]);

  /** Where a controller's candles come from. */
  public record CandleFeed(MarketDataConnector marketData, TradingPair pair, CandleInterval interval) {}

  /**
   * What a host knows of the venue's fees (fractions of notional) for {@link MarketView#feeRate}; executors that
   * decide on profitability net of fees (arbitrage, XEMM) read them.
   */
  public record FeeRates(double maker, double taker) {
    public static final FeeRates NONE = new FeeRates(0, 0);
  }

  private final String connectorName;
  private final TradingPair pair;
  private final MarketDataConnector marketData;
  private final CandleFeed candleFeed;
  private final Clock clock;
  private final int bookDepth;
  private final FeeRates fees;
  /** The levels read (best first), for {@link #priceForVolume}; only the first {@code bidLevels}/{@code askLevels}. */
  private final double[][] bids;
  private final double[][] asks;
  private int bidLevels;
  private int askLevels;
  private long now;
  private double bestBid = Double.NaN;
  private double bestAsk = Double.NaN;
  private double lastPrice = Double.NaN;
  private Candles candles = NO_CANDLES;
  /** Read at the first refresh; null until then. */
  private TradingRules rules;
  /** Open time of the newest candle read, epoch seconds; the next read is due once the candle after it closed. */
  private long newestCandleOpen = Long.MIN_VALUE;

  /** @param candleFeed null for a controller that reads no candles */
  public LiveMarketView(String connectorName, TradingPair pair, MarketDataConnector marketData, CandleFeed candleFeed,
      Clock clock) {
    this(connectorName, pair, marketData, candleFeed, clock, 1, FeeRates.NONE);
  }

  /**
   * @param bookDepth order book levels read per side on each refresh ({@link #priceForVolume} averages over them)
   * @param fees the fee rates {@link #feeRate} answers
   */
  public LiveMarketView(String connectorName, TradingPair pair, MarketDataConnector marketData, CandleFeed candleFeed,
      Clock clock, int bookDepth, FeeRates fees) {
    this.bookDepth = Math.max(1, bookDepth);
    this.fees = fees;
    this.bids = new double[this.bookDepth][2];
    this.asks = new double[this.bookDepth][2];
    this.connectorName = connectorName;
    this.pair = pair;
    this.marketData = marketData;
    this.candleFeed = candleFeed;
    this.clock = clock;
    this.now = clock.instant().getEpochSecond();
  }

  /**
   * Reads the market now.
   *
   * @return true when prices (and candles, if configured) are known: the controller may decide
   * @throws VenueException when the venue cannot be read (the values of the previous refresh stay)
   */
  public boolean refresh() {
    now = clock.instant().getEpochSecond();
    if (rules == null) {
      rules = tradingRulesOf(marketData.tradingRules().get(pair));
    }
    OrderBookSnapshot book = marketData.orderBook(pair, bookDepth);
    bidLevels = copy(book.bids(), bids);
    askLevels = copy(book.asks(), asks);
    bestBid = bidLevels == 0 ? Double.NaN : bids[0][0];
    bestAsk = askLevels == 0 ? Double.NaN : asks[0][0];
    if (Double.isNaN(bestBid) || Double.isNaN(bestAsk)) {
      Map<TradingPair, BigDecimal> last = marketData.lastPrices(List.of(pair));
      BigDecimal price = last.get(pair);
      lastPrice = price == null ? Double.NaN : price.doubleValue();
    } else {
      lastPrice = (bestBid + bestAsk) / 2;
    }
    if (candleFeed != null && dueForCandles()) {
      readCandles();
    }
    return !Double.isNaN(midPrice()) && (candleFeed == null || !candles.isEmpty());
  }

  /**
   * Strategy's view of a venue's rule: minimum order size and notional, price tick, amount step (a missing value is
   * no constraint); {@link TradingRules#NONE} when the venue lists no rule for the pair. The one mapping the bot and
   * the executors host share.
   */
  public static TradingRules tradingRulesOf(TradingRule rule) {
    if (rule == null) {
      return TradingRules.NONE;
    }
    return new TradingRules(orZero(rule.minOrderSize()), orZero(rule.minNotionalSize()),
        orZero(rule.minPriceIncrement()), orZero(rule.minBaseAmountIncrement()));
  }

  private static double orZero(BigDecimal value) {
    return value == null || value.signum() <= 0 ? 0 : value.doubleValue();
  }

  private static int copy(List<PriceLevel> levels, double[][] into) {
    int n = Math.min(levels.size(), into.length);
    for (int i = 0; i < n; i++) {
      into[i][0] = levels.get(i).price().doubleValue();
      into[i][1] = levels.get(i).amount().doubleValue();
    }
    return n;
  }

  private boolean dueForCandles() {
    long interval = candleFeed.interval().seconds();
    return newestCandleOpen == Long.MIN_VALUE || now >= newestCandleOpen + 2 * interval;
  }

  private void readCandles() {
    long interval = candleFeed.interval().seconds();
    long end = Math.floorDiv(now, interval) * interval; // open time of the forming candle: excluded
    Instant start = Instant.ofEpochSecond(end - CANDLE_WINDOW * interval);
    List<Candle> read = candleFeed.marketData().candles(candleFeed.pair(), candleFeed.interval(), start,
        Instant.ofEpochSecond(end), CANDLE_WINDOW);
    int n = read.size();
    long[] ts = new long[n];
    double[] open = new double[n];
    double[] high = new double[n];
    double[] low = new double[n];
    double[] close = new double[n];
    double[] volume = new double[n];
    for (int i = 0; i < n; i++) {
      Candle c = read.get(i);
      ts[i] = c.openTime().getEpochSecond();
      open[i] = c.open().doubleValue();
      high[i] = c.high().doubleValue();
      low[i] = c.low().doubleValue();
      close[i] = c.close().doubleValue();
      volume[i] = c.volume().doubleValue();
    }
    candles = Candles.of(interval, ts, open, high, low, close, volume);
    // a venue that has not aggregated the candle that just closed is asked again at the next tick
    newestCandleOpen = n == 0 ? Long.MIN_VALUE : ts[n - 1];
  }

  @Override
  public long now() {
    return now;
  }

  @Override
  public String connectorName() {
    return connectorName;
  }

  @Override
  public String tradingPair() {
    return pair.toString();
  }

  @Override
  public Candles candles() {
    return candles;
  }

  /** The venue's rule for the pair (read at the first refresh; {@link TradingRules#NONE} before it). */
  @Override
  public TradingRules tradingRules() {
    return rules == null ? TradingRules.NONE : rules;
  }

  @Override
  public double midPrice() {
    return Double.isNaN(bestBid) || Double.isNaN(bestAsk) ? lastPrice : (bestBid + bestAsk) / 2;
  }

  @Override
  public double lastPrice() {
    return lastPrice;
  }

  @Override
  public double bestBid() {
    return Double.isNaN(bestBid) ? midPrice() : bestBid;
  }

  @Override
  public double bestAsk() {
    return Double.isNaN(bestAsk) ? midPrice() : bestAsk;
  }

  /**
   * The average price of taking {@code baseAmount} from the levels read (Hummingbot's {@code get_quote_price}):
   * when they hold less, the average of all of them; without any level, the best bid/ask fallback (the mid).
   */
  @Override
  public double priceForVolume(boolean buy, double baseAmount) {
    double[][] levels = buy ? asks : bids;
    int n = buy ? askLevels : bidLevels;
    double base = 0;
    double quote = 0;
    for (int i = 0; i < n && base < baseAmount; i++) {
      double take = Math.min(levels[i][1], baseAmount - base);
      base += take;
      quote += take * levels[i][0];
    }
    return base > 0 ? quote / base : buy ? bestAsk() : bestBid();
  }

  @Override
  public double feeRate(boolean maker) {
    return maker ? fees.maker() : fees.taker();
  }
}
