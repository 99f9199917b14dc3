package io.aviary.strategy.executor;

/**
 * Hummingbot's {@code TripleBarrierConfig}. A {@code null} barrier is not set (Python {@code None}).
 *
 * @param stopLoss fraction of PnL, e.g. 0.03
 * @param takeProfit fraction of PnL, e.g. 0.02
 * @param timeLimit seconds from the executor's creation timestamp
 */
public record TripleBarrierConfig(
    Double stopLoss, Double takeProfit, Long timeLimit, TrailingStop trailingStop, OrderType openOrderType,
    OrderType takeProfitOrderType, OrderType stopLossOrderType, OrderType timeLimitOrderType) {

  /** Hummingbot's defaults: no barriers, LIMIT open, MARKET take profit, stop loss and time limit. */
  public static final TripleBarrierConfig DEFAULT =
      new TripleBarrierConfig(null, null, null, null, OrderType.LIMIT, OrderType.MARKET, OrderType.MARKET,
          OrderType.MARKET);

  public TripleBarrierConfig {
    openOrderType = openOrderType == null ? OrderType.LIMIT : openOrderType;
    takeProfitOrderType = takeProfitOrderType == null ? OrderType.MARKET : takeProfitOrderType;
    stopLossOrderType = stopLossOrderType == null ? OrderType.MARKET : stopLossOrderType;
    timeLimitOrderType = timeLimitOrderType == null ? OrderType.MARKET : timeLimitOrderType;
    if (stopLossOrderType != OrderType.MARKET || timeLimitOrderType != OrderType.MARKET) {
      throw new IllegalArgumentException("stop_loss_order_type and time_limit_order_type must be MARKET");
    }
    if (stopLoss != null && !(stopLoss > 0)) {
      throw new IllegalArgumentException("stop_loss must be > 0");
    }
    if (takeProfit != null && !(takeProfit > 0)) {
      throw new IllegalArgumentException("take_profit must be > 0");
    }
    if (timeLimit != null && timeLimit <= 0) {
      throw new IllegalArgumentException("time_limit must be > 0");
    }
  }

  /** The directional controllers' barrier set: MARKET open, the given take-profit order type. */
  public static TripleBarrierConfig of(
      Double stopLoss, Double takeProfit, Long timeLimit, TrailingStop trailingStop, OrderType openOrderType,
      OrderType takeProfitOrderType) {
    return new TripleBarrierConfig(stopLoss, takeProfit, timeLimit, trailingStop, openOrderType,
        takeProfitOrderType, OrderType.MARKET, OrderType.MARKET);
  }
}
