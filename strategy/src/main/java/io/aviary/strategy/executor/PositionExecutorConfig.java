package io.aviary.strategy.executor;

import java.util.List;

/**
 * Hummingbot's {@code PositionExecutorConfig}.
 *
 * @param entryPrice limit price of the open order; {@code NaN} = none (best bid for BUY / best ask for SELL at
 *     creation, as {@code None} in Hummingbot)
 * @param amount base amount
 * @param activationBounds {@code [b0]} or {@code [b0, b1]} fractions of the mid within which the open order rests
 *     (see {@link PositionExecutor}); null = always (Hummingbot's {@code None})
 */
public record PositionExecutorConfig(
    String id, long timestamp, String controllerId, String connectorName, String tradingPair, TradeType side,
    double entryPrice, double amount, TripleBarrierConfig tripleBarrierConfig, int leverage, String levelId,
    List<Double> activationBounds) implements ExecutorConfig {

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
    activationBounds = activationBounds == null || activationBounds.isEmpty() ? null : List.copyOf(activationBounds);
    if (activationBounds != null && activationBounds.stream().anyMatch(b -> !(b >= 0))) {
      throw new IllegalArgumentException("activation_bounds must be fractions >= 0");
    }
  }

  /** Without activation bounds: the open order is placed at once. */
  public PositionExecutorConfig(
      String id, long timestamp, String controllerId, String connectorName, String tradingPair, TradeType side,
      double entryPrice, double amount, TripleBarrierConfig tripleBarrierConfig, int leverage, String levelId) {
    this(id, timestamp, controllerId, connectorName, tradingPair, side, entryPrice, amount, tripleBarrierConfig,
        leverage, levelId, null);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
