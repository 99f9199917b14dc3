package io.aviary.strategy.controller;

import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import java.math.BigDecimal;

/** The values {@code grid_strike} reads (its own keys; it has no market-making or directional base). */
public interface GridStrikeSettings extends ControllerConfig {

  /** {@code side}: BUY or SELL grid. */
  TradeType side();

  /** {@code start_price}. */
  BigDecimal startPrice();

  /** {@code end_price}. */
  BigDecimal endPrice();

  /** {@code limit_price}: the grid stops beyond it. */
  BigDecimal limitPrice();

  /** {@code min_spread_between_orders}, or null (none). */
  BigDecimal minSpreadBetweenOrders();

  /** {@code min_order_amount_quote}, or null (Hummingbot's default 5). */
  BigDecimal minOrderAmountQuote();

  /** {@code max_open_orders}. */
  int maxOpenOrders();

  /** {@code max_orders_per_batch}, or null (no limit). */
  Integer maxOrdersPerBatch();

  /** {@code order_frequency}, seconds. */
  int orderFrequency();

  /** {@code activation_bounds}, or null. */
  BigDecimal activationBounds();

  /** {@code keep_position}: POSITION_HOLD instead of STOP_LOSS at the limit price. */
  boolean keepPosition();

  /** {@code leverage}. */
  int leverage();

  /** {@code triple_barrier_config} in the executors' form. */
  TripleBarrierConfig gridTripleBarrier();
}
