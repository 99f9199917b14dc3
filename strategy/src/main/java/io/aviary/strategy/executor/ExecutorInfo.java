package io.aviary.strategy.executor;

/**
 * The read-only view of an executor that controllers and reports see (Hummingbot's {@code ExecutorInfo}). Values
 * are live: reading them again later may give newer figures. All money figures are in the quote asset.
 */
public interface ExecutorInfo {

  String id();

  ExecutorConfig config();

  default String type() {
    return config().type();
  }

  /** Creation time, epoch seconds ({@code config.timestamp}). */
  default long timestamp() {
    return config().timestamp();
  }

  default TradeType side() {
    return config().side();
  }

  default String levelId() {
    return config().levelId();
  }

  default String controllerId() {
    return config().controllerId();
  }

  ExecutorState state();

  /** {@code null} while running. */
  CloseType closeType();

  /** Epoch seconds when it terminated; 0 while running. */
  long closeTimestamp();

  /** Hummingbot: status is NOT_STARTED or RUNNING. */
  default boolean isActive() {
    ExecutorState s = state();
    return s == ExecutorState.NOT_STARTED || s == ExecutorState.RUNNING;
  }

  /** Running with a position (something filled). */
  boolean isTrading();

  default boolean isDone() {
    return state() == ExecutorState.TERMINATED;
  }

  double netPnlPct();

  double netPnlQuote();

  double cumFeesQuote();

  /**
   * Funding received (+) or paid (−) on this executor's position so far (perpetuals; 0 on spot), part of
   * {@link #netPnlQuote}. The barriers (stop loss, take profit, trailing stop) look at the trading PnL only.
   */
  default double cumFundingQuote() {
    return 0;
  }

  double filledAmountQuote();
}
