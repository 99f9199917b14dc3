package io.aviary.strategy.controller;

import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.GridExecutorConfig;
import io.aviary.strategy.market.MarketView;
import java.math.BigDecimal;
import java.util.List;

/**
 * Hummingbot's {@code grid_strike} (generic): one grid executor of the config's settings, created when the
 * controller has no active executor and {@code start_price <= mid <= end_price}. Fields Hummingbot's controller
 * does not set keep the executor's defaults ({@code safe_extra_spread} 0.0001, no {@code coerce_tp_to_step}).
 */
public final class GridStrikeController implements Controller {
  private static final double DEFAULT_MIN_ORDER_AMOUNT_QUOTE = 5;

  private final GridStrikeSettings config;
  private final double start;
  private final double end;

  public GridStrikeController(GridStrikeSettings config) {
    if (config.gridTripleBarrier().takeProfit() == null) {
      throw new IllegalArgumentException("grid_strike needs triple_barrier_config.take_profit (each level's exit)");
    }
    this.config = config;
    this.start = config.startPrice().doubleValue();
    this.end = config.endPrice().doubleValue();
  }

  @Override
  public GridStrikeSettings config() {
    return config;
  }

  @Override
  public List<ExecutorAction> determineActions(
      MarketView market, List<? extends ExecutorInfo> active, List<? extends ExecutorInfo> closedSinceLastStep) {
    double mid = market.midPrice();
    if (!active.isEmpty() || mid < start || mid > end) {
      return List.of();
    }
    return List.of(new ExecutorAction.Create(config.id(), gridConfig(market.now())));
  }

  private GridExecutorConfig gridConfig(long now) {
    BigDecimal minSpread = config.minSpreadBetweenOrders();
    BigDecimal minOrder = config.minOrderAmountQuote();
    BigDecimal bounds = config.activationBounds();
    Integer batch = config.maxOrdersPerBatch();
    return new GridExecutorConfig(null, now, config.id(), config.connectorName(), config.tradingPair(),
        config.side(), start, end, config.limitPrice().doubleValue(), config.totalAmountQuote().doubleValue(),
        minSpread == null ? 0 : minSpread.doubleValue(),
        minOrder == null || minOrder.signum() == 0 ? DEFAULT_MIN_ORDER_AMOUNT_QUOTE : minOrder.doubleValue(),
        config.maxOpenOrders(), batch == null ? 0 : batch, config.orderFrequency(),
        bounds == null ? Double.NaN : bounds.doubleValue(), GridExecutorConfig.DEFAULT_SAFE_EXTRA_SPREAD,
        config.gridTripleBarrier(), config.leverage(), null, config.keepPosition(), false);
  }
}
