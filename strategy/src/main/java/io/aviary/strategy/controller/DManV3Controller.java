package io.aviary.strategy.controller;

import io.aviary.strategy.executor.DCAExecutorConfig;
import io.aviary.strategy.executor.DCAMode;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TrailingStop;
import io.aviary.strategy.executor.TripleBarrierConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Hummingbot's {@code dman_v3}: {@code bollinger_v1}'s signal (see {@link BollingerV1Controller}) entered through a
 * DCA executor (MAKER) instead of a position executor: for {@code amount} base at {@code price}, DCA prices
 * {@code price · (1 ∓ dca_spread_k · m)} with {@code dca_amounts_pct_k / Σ · amount · price} quote each, where
 * {@code m = BBB/200} with {@code dynamic_order_spread}, else 1; with {@code dynamic_target} the stop loss and the
 * trailing stop (activation and delta) are multiplied by {@code m}. Time limit, leverage and
 * {@code activation_bounds} from the config; like Hummingbot, no take profit is set on the DCA. Divergence: the
 * executor's timestamp is the step's time, not the wall clock (Hummingbot's {@code time.time()} breaks cooldown
 * and time limits in backtests).
 */
public final class DManV3Controller extends BollingerV1Controller {
  private final DManV3Settings settings;
  private final double[] spreads;
  private final double[] shares;
  private final List<Double> activationBounds;

  public DManV3Controller(DManV3Settings config) {
    super(config);
    this.settings = config;
    int n = config.dcaSpreads().size();
    spreads = new double[n];
    shares = new double[n];
    double total = MarketMakingController.sum(config.dcaAmountsPct()).doubleValue();
    for (int k = 0; k < n; k++) {
      spreads[k] = config.dcaSpreads().get(k).doubleValue();
      shares[k] = config.dcaAmountsPct().get(k).doubleValue() / total;
    }
    activationBounds = config.activationBounds() == null ? null
        : config.activationBounds().stream().map(BigDecimal::doubleValue).toList();
  }

  @Override
  public DManV3Settings config() {
    return settings;
  }

  @Override
  protected ExecutorConfig executorConfig(long now, TradeType side, double price, double amount) {
    double m = settings.dynamicOrderSpread() ? bandwidth() / 200 : 1;
    if (!(m > 0)) {
      m = 1; // a flat band (or warm-up) gives no usable width: fall back to the plain spreads
    }
    double quote = amount * price;
    List<Double> prices = new ArrayList<>(spreads.length);
    List<Double> amountsQuote = new ArrayList<>(spreads.length);
    for (int k = 0; k < spreads.length; k++) {
      if (shares[k] == 0) {
        continue;
      }
      prices.add(price * (1 - side.sign() * spreads[k] * m));
      amountsQuote.add(shares[k] * quote);
    }
    TripleBarrierConfig barriers = settings.tripleBarrierConfig();
    Double stopLoss = barriers.stopLoss();
    TrailingStop trailing = barriers.trailingStop();
    if (settings.dynamicTarget()) {
      stopLoss = stopLoss == null ? null : stopLoss * m;
      trailing = trailing == null ? null
          : new TrailingStop(trailing.activationPrice() * m, trailing.trailingDelta() * m);
    }
    return new DCAExecutorConfig(null, now, settings.id(), settings.connectorName(), settings.tradingPair(), side,
        settings.leverage(), amountsQuote, prices, null, stopLoss, trailing, barriers.timeLimit(), DCAMode.MAKER,
        activationBounds, null);
  }
}
