package io.aviary.strategy.executor;

/**
 * Hummingbot's {@code TWAPExecutorConfig}: {@code totalAmountQuote} spread over
 * {@code totalDuration / orderInterval + 1} orders, one every {@code orderInterval} seconds from {@code timestamp}.
 *
 * @param limitOrderBuffer MAKER price offset from the mid (fraction); required (≥ 0) for MAKER, NaN otherwise
 * @param orderResubmissionTime MAKER: seconds after which an unfilled order is re-placed at a fresh price; 0 = never
 */
public record TwapExecutorConfig(
    String id, long timestamp, String controllerId, String connectorName, String tradingPair, TradeType side,
    int leverage, double totalAmountQuote, long totalDuration, long orderInterval, TwapMode mode,
    double limitOrderBuffer, long orderResubmissionTime, String levelId) implements ExecutorConfig {

  public static final String TYPE = "twap_executor";

  public TwapExecutorConfig {
    if (side != TradeType.BUY && side != TradeType.SELL) {
      throw new IllegalArgumentException("side must be BUY or SELL");
    }
    if (!(totalAmountQuote > 0) || totalDuration < 0 || orderInterval <= 0) {
      throw new IllegalArgumentException(
          "TWAP needs total_amount_quote > 0, total_duration >= 0 and order_interval > 0");
    }
    mode = mode == null ? TwapMode.TAKER : mode;
    if (mode == TwapMode.MAKER && !(limitOrderBuffer >= 0)) {
      throw new IllegalArgumentException("limit_order_buffer (>= 0) is required for MAKER");
    }
    controllerId = controllerId == null ? "main" : controllerId;
    leverage = leverage <= 0 ? 1 : leverage;
  }

  /** Hummingbot's {@code number_of_orders}. */
  public int numberOfOrders() {
    return (int) (totalDuration / orderInterval) + 1;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
