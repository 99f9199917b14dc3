package io.aviary.strategy.backtest;

import io.aviary.strategy.controller.Controller;
import io.aviary.strategy.executor.Executor;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.ExecutorSupervisor;
import io.aviary.strategy.executor.PositionHoldLedger;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.TradingRules;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntPredicate;

/**
 * Runs a {@link Controller} and the executors it creates over candles, one step per candle, with the same classes
 * a live bot runs. Step {@code i} happens at the close of candle {@code i}:
 * <ol>
 *   <li>orders placed at earlier steps are filled against candle {@code i} ({@link SimulatedOrderGateway});
 *   <li>on a perpetual ({@code *_perpetual} connector), every funding event with time in {@code (close(i−1),
 *       close(i)]} is paid on the positions held after those fills: {@code −signed base × close(i) × rate} per
 *       executor (longs pay a positive rate; the candle's close stands in for the mark price) and on the position
 *       hold; it is booked on the executor ({@link Executor#bookFunding}), so its net PnL includes it;
 *   <li>every active executor steps (barriers see candle {@code i}'s close, and its low/high for the stop loss);
 *   <li>the controller decides from the candles closed by now only: candles {@code 0..i}, or, when it is given
 *       candles of its own interval (and market), those whose close time is at or before candle {@code i}'s close;
 *       new executors start and place their orders, which can fill from candle {@code i+1} on;
 *   <li>a PnL point is recorded.
 * </ol>
 *
 * <p>Difference from Hummingbot's backtester (hummingbot-internals §4.1–4.2), which has a look-ahead: it attaches
 * features to candles by their open time (so a 3m feature is seen at the 1m rows of its open, before it closes) and
 * fills a MARKET entry at the close of the very candle whose close
 * produced the signal, and books stops at that candle's close. Here a decision made at a candle's close fills at
 * the next candle's open (± slippage), limit orders fill at their price when a later candle reaches it, and a
 * controller never sees an unclosed candle. Executors still running at the end stay active and count with their
 * PnL marked at the last close (as Hummingbot's do). Executors stopped with {@code keep_position} go to a
 * {@link PositionHoldLedger} (one per run: a run trades one market); the config's {@code initial_positions} open
 * that hold at candle 0's close before the first decision (Hummingbot books them at the mid at start), so a spot
 * market maker that declares the base it holds does not buy it again. Every executor type runs
 * (position, order, DCA, grid, TWAP). Funding is paid as above when the caller passes the market's
 * {@link FundingRates} (spot connectors get none, whatever is passed). With the market's {@link TradingRules} the
 * executors size and gate as live and orders are rounded and refused as a venue would (ADR 0012). Not simulated
 * yet: partial fills, balances, liquidation.
 *
 * <p>An engine holds only its settings: concurrent runs on one instance are independent (Hummingbot's API shares
 * one stateful engine between requests). A controller instance belongs to one run.
 */
public final class BacktestEngine {
  private final BacktestSettings settings;

  public BacktestEngine(BacktestSettings settings) {
    this.settings = settings;
  }

  public BacktestResult run(Controller controller, Candles candles) {
    return run(controller, candles, i -> false);
  }

  /**
   * Runs; {@code cancelled} is polled every 4,096 candles with the index reached (progress for a task host) and
   * stops the run with {@link BacktestCancelledException} when it returns true.
   */
  public BacktestResult run(Controller controller, Candles candles, IntPredicate cancelled) {
    return run(controller, candles, FundingRates.NONE, cancelled);
  }

  /**
   * Runs with the funding events of the market (applied only when the controller's connector is a perpetual, see
   * {@link #isPerpetual}); {@code cancelled} as in {@link #run(Controller, Candles, IntPredicate)}.
   */
  public BacktestResult run(Controller controller, Candles candles, FundingRates funding, IntPredicate cancelled) {
    return run(controller, BacktestData.of(candles).withFunding(funding), cancelled, false);
  }

  /**
   * The full entry point. The controller sees {@code data.controllerCandles()}, at each step only those closed by
   * then, while executors step and fill on {@code data.candles()}. Funding applies only when the controller's
   * connector is a perpetual ({@link #isPerpetual}). Under {@code data.rules()} executors read the venue's trading
   * rules ({@link io.aviary.strategy.market.MarketView#tradingRules}) and the simulated venue rounds orders to the
   * increments and refuses those below the minimums ({@link SimulatedOrderGateway}). {@code cancelled} as in
   * {@link #run(Controller, Candles, IntPredicate)}. With {@code recordFeatures} the result also holds the
   * controller's {@link FeatureTable} (one row per resolution candle, written after the controller's decision at
   * that candle's close); without it the loop does no more than a null check per candle.
   *
   * @throws IllegalArgumentException when the controller's interval is not a whole multiple of the resolution (its
   *     candles would then close between two steps and be seen late)
   */
  public BacktestResult run(Controller controller, BacktestData data, IntPredicate cancelled,
      boolean recordFeatures) {
    Candles candles = data.candles();
    Candles controllerCandles = data.controllerCandles();
    FundingRates funding = data.funding();
    TradingRules rules = data.rules();
    int n = candles.size();
    if (n == 0) {
      throw new IllegalArgumentException("no candles to backtest");
    }
    requireServable(controllerCandles.intervalSeconds(), candles.intervalSeconds());
    String connector = controller.config().connectorName();
    String pair = controller.config().tradingPair();
    BacktestMarket market = new BacktestMarket(candles, controllerCandles, connector, pair, rules);
    FundingRates applied = isPerpetual(connector) ? funding : FundingRates.NONE;
    SimulatedOrderGateway gateway = new SimulatedOrderGateway(candles, settings.tradeCost(), settings.slippage(),
        !applied.isEmpty(), rules);
    ExecutorSupervisor executors = new ExecutorSupervisor(gateway, (config, sequence) -> "bt-" + sequence);
    PositionHoldLedger hold = executors.hold();
    long[] ts = new long[n];
    double[] realizedSeries = new double[n];
    double[] holdRealizedSeries = new double[n];
    double[] holdUnrealizedSeries = new double[n];
    double[] totalSeries = new double[n];
    int[] activeSeries = new int[n];
    double[] volumeSeries = new double[n];
    long[] fundingTime = applied.time();
    int fundingCount = fundingTime.length;
    int nextFunding = 0;
    double totalFunding = 0;
    OptionalDouble initialBase = controller.config().initialPositionsBase();
    if (initialBase.isPresent()) {
      market.moveTo(0);
      executors.openInitialPosition(initialBase.getAsDouble(), market); // at candle 0's close, before any decision
    }
    FeatureTable features = recordFeatures ? new FeatureTable(candles, controller.featureNames()) : null;
    for (int i = 0; i < n; i++) {
      if ((i & 4095) == 0 && cancelled.test(i)) {
        throw new BacktestCancelledException(i, n);
      }
      market.moveTo(i);
      gateway.fillAgainst(i);
      // funding events are sparse (3 a day): one comparison per candle, the loop only when one is due
      long close = candles.closeTime(i);
      while (nextFunding < fundingCount && fundingTime[nextFunding] <= close) {
        totalFunding += payFunding(applied.rate()[nextFunding], candles.close()[i], executors.active(), gateway, hold);
        nextFunding++;
      }
      executors.stepActive(market);
      executors.apply(controller.determineActions(market, executors.active(), executors.closedSinceLastDecision(),
          hold), market);
      if (features != null) {
        features.record(i, controller);
      }
      double realized = executors.closedRealizedQuote();
      ts[i] = market.now();
      realizedSeries[i] = realized;
      if (!hold.isEmpty()) {
        holdRealizedSeries[i] = hold.realized();
        holdUnrealizedSeries[i] = hold.unrealized(candles.close()[i]);
      }
      totalSeries[i] = realized + holdRealizedSeries[i] + holdUnrealizedSeries[i];
      activeSeries[i] = executors.active().size();
      volumeSeries[i] = gateway.volumeQuote();
    }
    PnlTimeseries series = new PnlTimeseries(ts, realizedSeries, holdRealizedSeries, holdUnrealizedSeries,
        totalSeries, activeSeries, volumeSeries);
    List<ExecutorInfo> all = Collections.unmodifiableList(executors.all());
    double lastClose = candles.close()[n - 1];
    List<PositionHold> holds = hold.isEmpty() ? List.of()
        : List.of(new PositionHold(connector, pair, hold.netBase(), hold.realized(), hold.unrealized(lastClose),
            hold.cumFees(), hold.volumeQuote(), hold.netBase() == 0, hold.executors()));
    BacktestResults results = BacktestMetrics.summarize(all, settings.totalAmountQuote(), series,
        hold.realized(), hold.unrealized(lastClose), totalFunding);
    return new BacktestResult(all, results, series, holds, features);
  }

  /**
   * Checks that a controller interval of {@code intervalSeconds} can be shown at a backtest resolution of
   * {@code resolutionSeconds}: a whole multiple of it (equal included), so every controller candle closes exactly at
   * a step and is seen at its close, never earlier (look-ahead) nor later.
   *
   * @throws IllegalArgumentException naming {@code interval} and {@code backtesting_resolution} otherwise
   */
  public static void requireServable(long intervalSeconds, long resolutionSeconds) {
    if (intervalSeconds < resolutionSeconds || intervalSeconds % resolutionSeconds != 0) {
      throw new IllegalArgumentException("interval (" + intervalSeconds + " s) must be a whole multiple of"
          + " backtesting_resolution (" + resolutionSeconds + " s): the controller decides at each resolution"
          + " candle's close and must see its interval's candles exactly when they close");
    }
  }

  /** Whether funding applies: Hummingbot names perpetual connectors {@code <venue>_perpetual}. */
  public static boolean isPerpetual(String connectorName) {
    return connectorName != null && connectorName.endsWith("_perpetual");
  }

  /**
   * Pays one funding event on every active executor's position and on the hold: {@code −base × mark × rate} each;
   * returns the sum (+ received, − paid).
   */
  private static double payFunding(double rate, double mark, List<Executor> active, SimulatedOrderGateway gateway,
      PositionHoldLedger hold) {
    double sum = 0;
    for (int k = 0, size = active.size(); k < size; k++) {
      Executor e = active.get(k);
      double base = gateway.positionBase(e);
      if (base != 0) {
        double payment = -base * mark * rate;
        e.bookFunding(payment);
        sum += payment;
      }
    }
    double held = hold.netBase();
    if (held != 0) {
      double payment = -held * mark * rate;
      hold.bookFunding(payment);
      sum += payment;
    }
    return sum;
  }
}
