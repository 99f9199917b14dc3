package io.aviary.strategy.executor;

/**
 * Hummingbot's {@code PositionExecutorConfig}.
 *
 * @param entryPrice limit price of the open order; {@code NaN} = none (best bid for BUY / best ask for SELL at
 *     creation, as {@code None} in Hummingbot)
 * @param amount base amount
 */
public record PositionExecutorConfig(
    String id, long timestamp, String controllerId, String connectorName, String tradingPair, TradeType side,
    double entryPrice, double amount, TripleBarrierConfig tripleBarrierConfig, int leverage, String levelId)
    implements ExecutorConfig {

  public static final String TYPE = "position_executor";

  public PositionExecutorConfig {
    if (side != TradeType.BUY && side != TradeType.SELL) {
      throw new IllegalArgumentException("side must be BUY or SELL");
    }
    if (!(amount > 0)) {
      throw new IllegalArgumentException("amount must be > 0");
    }
    if (!Double.isNaN(entryPrice) && !(entryPrice > 0)) {
      throw new IllegalArgumentException("entry_price must be > 0");
    }
    controllerId = controllerId == null ? "main" : controllerId;
    tripleBarrierConfig = tripleBarrierConfig == null ? TripleBarrierConfig.DEFAULT : tripleBarrierConfig;
    leverage = leverage <= 0 ? 1 : leverage;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
