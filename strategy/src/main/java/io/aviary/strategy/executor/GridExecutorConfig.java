package io.aviary.strategy.executor;

/**
 * Hummingbot's {@code GridExecutorConfig}: levels between {@code startPrice} and {@code endPrice}, each opened on
 * {@code side} and closed at its own take profit; the whole grid stops at {@code limitPrice} and at the barriers of
 * {@code tripleBarrierConfig} (its take profit is the per-level one).
 *
 * @param maxOrdersPerBatch 0 = no limit (Python {@code None})
 * @param activationBounds fraction of the mid within which levels get orders; NaN = none
 */
public record GridExecutorConfig(
    String id, long timestamp, String controllerId, String connectorName, String tradingPair, TradeType side,
    double startPrice, double endPrice, double limitPrice, double totalAmountQuote, double minSpreadBetweenOrders,
    double minOrderAmountQuote, int maxOpenOrders, int maxOrdersPerBatch, long orderFrequency,
    double activationBounds, double safeExtraSpread, TripleBarrierConfig tripleBarrierConfig, int leverage,
    String levelId, boolean keepPosition, boolean coerceTpToStep) implements ExecutorConfig {

  public static final String TYPE = "grid_executor";

  public GridExecutorConfig {
    if (side != TradeType.BUY && side != TradeType.SELL) {
      throw new IllegalArgumentException("side must be BUY or SELL");
    }
    if (!(startPrice > 0) || !(endPrice > startPrice)) {
      throw new IllegalArgumentException("grid needs 0 < start_price < end_price");
    }
    if (!(totalAmountQuote > 0) || !(minOrderAmountQuote > 0) || maxOpenOrders < 1) {
      throw new IllegalArgumentException(
          "grid needs total_amount_quote > 0, min_order_amount_quote > 0 and max_open_orders >= 1");
    }
    if (tripleBarrierConfig == null || tripleBarrierConfig.takeProfit() == null) {
      throw new IllegalArgumentException("grid needs a triple_barrier_config with take_profit");
    }
    controllerId = controllerId == null ? "main" : controllerId;
    leverage = leverage <= 0 ? 1 : leverage;
    minSpreadBetweenOrders = Math.max(0, minSpreadBetweenOrders);
    safeExtraSpread = Math.max(0, safeExtraSpread);
  }

  /** Hummingbot's defaults for the fields a grid_strike config does not carry. */
  public static final double DEFAULT_SAFE_EXTRA_SPREAD = 0.0001;

  @Override
  public String type() {
    return TYPE;
  }
}
