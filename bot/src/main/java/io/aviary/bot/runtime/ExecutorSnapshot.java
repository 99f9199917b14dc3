package io.aviary.bot.runtime;

import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.ExecutorState;
import io.aviary.strategy.executor.TradeType;

/**
 * An executor as it was at the end of a tick (Hummingbot's {@code ExecutorInfo}): an immutable copy other threads
 * (recorder, MQTT) may read while the strategy thread goes on. Non-finite figures are reported as 0, as Hummingbot
 * does.
 *
 * @param timestamp creation, epoch seconds
 * @param closeTimestamp epoch seconds, 0 while running
 * @param closeType null while running
 */
public record ExecutorSnapshot(
    String id,
    String controllerId,
    String type,
    long timestamp,
    String connectorName,
    String tradingPair,
    TradeType side,
    ExecutorState status,
    CloseType closeType,
    long closeTimestamp,
    double netPnlQuote,
    double netPnlPct,
    double cumFeesQuote,
    double filledAmountQuote,
    boolean isActive,
    boolean isTrading,
    ExecutorConfig config) implements ExecutorInfo {

  /** {@link ExecutorInfo}'s name for {@link #status}: a snapshot can be stored like the live executor. */
  @Override
  public ExecutorState state() {
    return status;
  }

  static ExecutorSnapshot of(ExecutorInfo e) {
    ExecutorConfig c = e.config();
    return new ExecutorSnapshot(e.id(), e.controllerId(), e.type(), e.timestamp(), c.connectorName(),
        c.tradingPair(), e.side(), e.state(), e.closeType(), e.closeTimestamp(), finite(e.netPnlQuote()),
        finite(e.netPnlPct()), finite(e.cumFeesQuote()), finite(e.filledAmountQuote()), e.isActive(),
        e.isTrading(), c);
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0;
  }
}
