package io.aviary.strategy.executor;

import io.aviary.strategy.market.MarketView;

/**
 * An executor as its host drives it: started once, stepped on every market update, told about its orders, stopped
 * early on request. Controllers see executors only as {@link ExecutorInfo}.
 *
 * <p>Threading: a host calls every method of one executor from one thread.
 */
public interface Executor extends ExecutorInfo, OrderListener {

  /** Starts it: balance checks, opening orders. */
  void start(MarketView market);

  /** Evaluates barriers and order state at {@code market.now()}; may place/cancel orders or terminate. */
  void step(MarketView market);

  /**
   * Stops it at {@code market.now()} (Hummingbot's {@code early_stop}): {@link CloseType#POSITION_HOLD} if
   * {@code keepPosition} and anything filled, else {@link CloseType#EARLY_STOP} after closing what was filled.
   */
  void earlyStop(MarketView market, boolean keepPosition);

  /**
   * Hands the fills a position hold takes over to {@code sink} (meaningful once it ended in
   * {@link CloseType#POSITION_HOLD}); executors without held fills book nothing.
   */
  default void bookHeldFills(HeldFillSink sink) {}

  /**
   * Books a funding payment on its position, in the quote asset (+ received, − paid); {@link #netPnlQuote} includes
   * it from then on. The host computes the payment: it knows the position it filled and the funding event.
   */
  void bookFunding(double quote);
}
