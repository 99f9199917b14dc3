package io.aviary.strategy.executor;

/**
 * Hummingbot's {@code OrderExecutorConfig}: one order of {@code amount} base.
 *
 * @param price limit price, required (> 0) for LIMIT and LIMIT_MAKER; NaN otherwise
 * @param chaserConfig required for LIMIT_CHASER
 */
public record OrderExecutorConfig(
    String id, long timestamp, String controllerId, String connectorName, String tradingPair, TradeType side,
    double amount, PositionAction positionAction, double price, ExecutionStrategy executionStrategy,
    LimitChaserConfig chaserConfig, int leverage, String levelId) implements ExecutorConfig {

  public static final String TYPE = "order_executor";

  public OrderExecutorConfig {
    if (side != TradeType.BUY && side != TradeType.SELL) {
      throw new IllegalArgumentException("side must be BUY or SELL");
    }
    if (!(amount > 0)) {
      throw new IllegalArgumentException("amount must be > 0");
    }
    if (executionStrategy == null) {
      throw new IllegalArgumentException("execution_strategy is required");
    }
    if ((executionStrategy == ExecutionStrategy.LIMIT || executionStrategy == ExecutionStrategy.LIMIT_MAKER)
        && !(price > 0)) {
      throw new IllegalArgumentException("price (> 0) is required for " + executionStrategy);
    }
    if (executionStrategy == ExecutionStrategy.LIMIT_CHASER && chaserConfig == null) {
      throw new IllegalArgumentException("chaser_config is required for LIMIT_CHASER");
    }
    controllerId = controllerId == null ? "main" : controllerId;
    positionAction = positionAction == null ? PositionAction.OPEN : positionAction;
    leverage = leverage <= 0 ? 1 : leverage;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
