package io.aviary.strategy.controller;

import io.aviary.strategy.executor.DCAExecutorConfig;
import io.aviary.strategy.executor.DCAMode;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Hummingbot's {@code dman_maker_v2}: market making (see {@link MarketMakingController}) whose levels are DCA
 * executors (MAKER): a level at {@code price} for {@code amount} base gets DCA prices
 * {@code price · (1 ∓ dca_spread_k)} with {@code amount · dca_amount_k / Σ dca_amounts · price_k} quote each, the
 * config's stop loss, take profit, trailing stop and time limit, and {@code executor_activation_bounds}. Idle
 * executors are refreshed after {@code executor_refresh_time}, level-0 ones after {@code top_executor_refresh_time}
 * when it is set.
 */
public final class DManMakerV2Controller extends MarketMakingController {
  private final DManMakerV2Settings settings;
  private final double[] dcaSpreads;
  private final double[] dcaShares;
  private final List<Double> activationBounds;

  public DManMakerV2Controller(DManMakerV2Settings config) {
    super(config);
    this.settings = config;
    int n = config.dcaSpreads().size();
    dcaSpreads = new double[n];
    dcaShares = new double[n];
    double total = sum(config.dcaAmounts()).doubleValue();
    for (int k = 0; k < n; k++) {
      dcaSpreads[k] = config.dcaSpreads().get(k).doubleValue();
      dcaShares[k] = config.dcaAmounts().get(k).doubleValue() / total;
    }
    activationBounds = config.executorActivationBounds() == null ? null
        : config.executorActivationBounds().stream().map(BigDecimal::doubleValue).toList();
  }

  @Override
  public DManMakerV2Settings config() {
    return settings;
  }

  @Override
  protected ExecutorConfig executorConfig(long now, String levelId, int level, TradeType side, double price,
      double amount) {
    List<Double> prices = new ArrayList<>(dcaSpreads.length);
    List<Double> amountsQuote = new ArrayList<>(dcaSpreads.length);
    for (int k = 0; k < dcaSpreads.length; k++) {
      if (dcaShares[k] == 0) {
        continue; // a level without weight has nothing to place
      }
      double p = price * (1 - side.sign() * dcaSpreads[k]);
      prices.add(p);
      amountsQuote.add(amount * dcaShares[k] * p);
    }
    TripleBarrierConfig barriers = settings.tripleBarrierConfig();
    return new DCAExecutorConfig(null, now, settings.id(), settings.connectorName(), settings.tradingPair(), side,
        settings.leverage(), amountsQuote, prices, barriers.takeProfit(), barriers.stopLoss(),
        barriers.trailingStop(), barriers.timeLimit(), DCAMode.MAKER, activationBounds, levelId);
  }

  @Override
  protected boolean shouldRefresh(ExecutorInfo e, int level, long now) {
    if (!e.isActive() || e.isTrading()) {
      return false;
    }
    Double top = settings.topExecutorRefreshTime();
    if (level == 0 && top != null && now - e.timestamp() > top) {
      return true;
    }
    return now - e.timestamp() > settings.executorRefreshTime();
  }
}
