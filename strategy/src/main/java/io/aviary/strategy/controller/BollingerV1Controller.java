package io.aviary.strategy.controller;

import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.indicator.RollingBollinger;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.market.MarketView;
import java.util.List;

/**
 * Hummingbot's {@code bollinger_v1} (directional): signal +1 when Bollinger %B of the last closed candle is below
 * {@code bb_long_threshold}, −1 when above {@code bb_short_threshold}, else 0; on a signal it opens a position
 * executor at the mid price for {@code total_amount_quote / price / max_executors_per_side} base, when that side has
 * fewer than {@code max_executors_per_side} active executors and the newest active executor is older than
 * {@code cooldown_time} (no active executor: no cooldown, as Hummingbot's {@code max(..., default=0)} gives).
 *
 * <p>%B is streamed (O(1) per newly closed candle), so a live bot and a backtest compute it the same way. The
 * candles are those the host shows; a host running on another resolution than {@code interval} must show candles
 * of {@code interval}. Divergence from Hummingbot: its SELL branch counts all active executors against
 * {@code max_executors_per_side} (a lambda precedence slip); here each side counts its own.
 */
public final class BollingerV1Controller implements Controller {
  private final BollingerV1Settings config;
  private final double totalAmountQuote;
  private final RollingBollinger bollinger;
  private long lastFed = Long.MIN_VALUE;
  private double percentB = Double.NaN;

  public BollingerV1Controller(BollingerV1Settings config) {
    this.config = config;
    this.totalAmountQuote = config.totalAmountQuote().doubleValue();
    this.bollinger = new RollingBollinger(config.bbLength(), config.bbStd());
  }

  @Override
  public BollingerV1Settings config() {
    return config;
  }

  /** %B of the last closed candle seen, NaN during warm-up. */
  public double percentB() {
    return percentB;
  }

  @Override
  public List<ExecutorAction> determineActions(
      MarketView market, List<? extends ExecutorInfo> active, List<? extends ExecutorInfo> closedSinceLastStep) {
    feed(market.candles());
    int signal = signal();
    if (signal == 0) {
      return List.of();
    }
    TradeType side = signal > 0 ? TradeType.BUY : TradeType.SELL;
    long now = market.now();
    if (!canCreate(side, active, now)) {
      return List.of();
    }
    double price = market.midPrice();
    double amount = totalAmountQuote / price / config.maxExecutorsPerSide();
    PositionExecutorConfig executor = new PositionExecutorConfig(null, now, config.id(), config.connectorName(),
        config.tradingPair(), side, price, amount, config.tripleBarrierConfig(), config.leverage(), null);
    return List.of(new ExecutorAction.Create(config.id(), executor));
  }

  /** Feeds the candles closed since the last call, found by timestamp so a host may show a sliding window. */
  private void feed(Candles candles) {
    long[] ts = candles.timestamp();
    int last = candles.lastIndex();
    int from = last;
    while (from >= 0 && ts[from] > lastFed) {
      from--;
    }
    double[] close = candles.close();
    for (int i = from + 1; i <= last; i++) {
      percentB = bollinger.update(close[i]);
    }
    if (last >= 0) {
      lastFed = Math.max(lastFed, ts[last]);
    }
  }

  private int signal() {
    if (percentB < config.bbLongThreshold()) {
      return 1;
    }
    if (percentB > config.bbShortThreshold()) {
      return -1;
    }
    return 0;
  }

  private boolean canCreate(TradeType side, List<? extends ExecutorInfo> active, long now) {
    if (active.isEmpty()) {
      return true;
    }
    int onSide = 0;
    long newest = Long.MIN_VALUE;
    for (int i = 0, n = active.size(); i < n; i++) {
      ExecutorInfo e = active.get(i);
      newest = Math.max(newest, e.timestamp());
      if (e.side() == side) {
        onSide++;
      }
    }
    return onSide < config.maxExecutorsPerSide() && now - newest > config.cooldownTime();
  }
}
