package io.aviary.strategy.executor;

import io.aviary.strategy.market.MarketView;

/**
 * An executor that builds a position and closes it at a barrier (position, DCA, grid). Closing is the same for all:
 * cancel what rests, then MARKET-close what is open, terminating once flat; a stop that keeps the position cancels
 * what rests and hands the fills to a position hold.
 */
abstract class ClosingExecutor extends AbstractExecutor {
  /** When the time limit runs out; {@link Long#MAX_VALUE} without one. */
  final long expiresAt;

  ClosingExecutor(String id, ExecutorConfig config, OrderGateway gateway, long expiresAt) {
    super(id, config, gateway);
    this.expiresAt = expiresAt;
  }

  /** Cancels the orders that rest (entries, take profits). */
  abstract void cancelResting();

  /** Sends a MARKET close for what is open and not being closed; terminates when nothing is left. */
  abstract void closeRemaining(long now);

  /** Takes the price the position is marked at from the market. */
  abstract void mark(MarketView market);

  /** Shuts down for {@code type}: what rests is cancelled, what is open closed. */
  final void beginClose(CloseType type, long now) {
    shutDown(type);
    cancelResting();
    closeRemaining(now);
  }

  /** Ends with {@link CloseType#POSITION_HOLD}: nothing rests any more, the fills stay open. */
  final void holdPosition(long now) {
    cancelResting();
    terminate(CloseType.POSITION_HOLD, now);
  }

  /**
   * Whether a close of {@code base} is worth sending: more than nothing and, rounded to the amount step, at least the
   * venue's minimum order size (Hummingbot sends a close only then; a smaller remainder is dust the venue refuses).
   */
  final boolean closable(double base) {
    return base > EPS && rules.meetsMinimumSize(rules.quantizeAmount(base));
  }

  /** Started after its time limit: terminates {@link CloseType#EXPIRED} and says so. */
  final boolean expiredAtStart(long now) {
    if (expiresAt <= now) {
      terminate(CloseType.EXPIRED, now);
      return true;
    }
    return false;
  }

  /**
   * The head of a step: outside RUNNING/SHUTTING_DOWN nothing; else the time is taken and the position marked, then
   * a shutdown continued or the time limit applied. True when the barriers are still to be checked.
   */
  final boolean stepToBarriers(MarketView market) {
    if (!isStepping()) {
      return false;
    }
    long now = market.now();
    lastNow = now;
    rules = market.tradingRules();
    mark(market);
    return !closingOrExpired(now);
  }

  /** Continues a shutdown, or begins one at the time limit. True when that was the whole step. */
  final boolean closingOrExpired(long now) {
    if (state == ExecutorState.SHUTTING_DOWN) {
      closeRemaining(now);
      return true;
    }
    if (expiresAt <= now) {
      beginClose(CloseType.TIME_LIMIT, now);
      return true;
    }
    return false;
  }
}
