package io.aviary.bot.db;

import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.ExecutorState;

/**
 * An {@code Executors} row read back at restart: what Hummingbot's orchestrator uses to seed a controller's realized
 * PnL, traded volume and close-type counts ({@code _update_cached_performance}). {@code configJson} and
 * {@code customInfoJson} are the stored JSON texts.
 *
 * @param closeType {@code null} while the executor was running
 * @param closeTimestamp epoch seconds, {@code null} while running
 */
public record StoredExecutor(
    String id,
    double timestamp,
    String type,
    CloseType closeType,
    Double closeTimestamp,
    ExecutorState status,
    double netPnlPct,
    double netPnlQuote,
    double cumFeesQuote,
    double filledAmountQuote,
    boolean isActive,
    boolean isTrading,
    String controllerId,
    String configJson,
    String customInfoJson) {

  /** Hummingbot counts realized PnL and volume only for executors not closed as POSITION_HOLD. */
  public boolean countsAsRealized() {
    return closeType != CloseType.POSITION_HOLD;
  }
}
