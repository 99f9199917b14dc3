package io.aviary.strategy.controller;

import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.market.MarketView;
import java.util.List;

/**
 * Hummingbot's {@code DirectionalTradingControllerBase}: a subclass turns the market into a signal (+1 long, −1
 * short, 0 nothing); on a signal this opens an executor ({@link #executorConfig}, a position executor unless a
 * subclass says otherwise) at the mid price for
 * {@code total_amount_quote / price / max_executors_per_side} base with the config's triple barrier, when that
 * side has fewer than {@code max_executors_per_side} active executors and the newest active executor is older than
 * {@code cooldown_time} (no active executor: no cooldown, as Hummingbot's {@code max(..., default=0)} gives). It
 * never stops executors. Divergence from Hummingbot: its SELL branch counts all active executors against
 * {@code max_executors_per_side} (a lambda precedence slip); here each side counts its own.
 */
public abstract class DirectionalTradingController implements Controller {
  private final DirectionalTradingSettings config;
  private final double totalAmountQuote;

  protected DirectionalTradingController(DirectionalTradingSettings config) {
    this.config = config;
    this.totalAmountQuote = config.totalAmountQuote().doubleValue();
  }

  @Override
  public DirectionalTradingSettings config() {
    return config;
  }

  /** The signal at {@code market.now()} from closed candles only: +1, −1 or 0. */
  protected abstract int signal(MarketView market);

  @Override
  public final List<ExecutorAction> determineActions(
      MarketView market, List<? extends ExecutorInfo> active, List<? extends ExecutorInfo> closedSinceLastStep) {
    int signal = signal(market);
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
    return List.of(new ExecutorAction.Create(config.id(), executorConfig(now, side, price, amount)));
  }

  /**
   * The executor a signal opens: by default a position executor of {@code amount} base at {@code price} with the
   * config's triple barrier.
   */
  protected ExecutorConfig executorConfig(long now, TradeType side, double price, double amount) {
    return new PositionExecutorConfig(null, now, config.id(), config.connectorName(), config.tradingPair(), side,
        price, amount, config.tripleBarrierConfig(), config.leverage(), null);
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
