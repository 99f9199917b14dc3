package io.aviary.strategy.executor;

/** State, close type and identity shared by the executors other than {@link PositionExecutor}. */
abstract class AbstractExecutor implements Executor {
  static final double EPS = 1e-12;
  static final int MAX_RETRIES = 10;

  private final String id;
  final OrderGateway gateway;
  ExecutorState state = ExecutorState.NOT_STARTED;
  CloseType closeType;
  long closeTimestamp;
  long lastNow;

  AbstractExecutor(String id, OrderGateway gateway) {
    this.id = id;
    this.gateway = gateway;
  }

  final void terminate(CloseType type, long now) {
    closeType = type;
    closeTimestamp = now;
    state = ExecutorState.TERMINATED;
  }

  final OrderRequest request(TradeType side, OrderType type, double amount, double price, PositionAction action) {
    ExecutorConfig c = config();
    return new OrderRequest(c.connectorName(), c.tradingPair(), side, type, amount, price, action);
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final ExecutorState state() {
    return state;
  }

  @Override
  public final CloseType closeType() {
    return closeType;
  }

  @Override
  public final long closeTimestamp() {
    return closeTimestamp;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + id + " " + config().side() + " " + state
        + (closeType == null ? "" : " " + closeType) + " net=" + netPnlQuote() + "]";
  }
}
