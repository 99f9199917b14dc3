package io.aviary.strategy.executor;

/**
 * A trailing stop on a PnL fraction: armed once the PnL exceeds the activation level, its trigger then ratchets up
 * to {@code pnl − delta}; it is hit when the PnL falls below the trigger.
 */
final class TrailingTrigger {
  private final double activation;
  private final double delta;
  private double trigger = Double.NaN;

  private TrailingTrigger(TrailingStop stop) {
    this.activation = stop.activationPrice();
    this.delta = stop.trailingDelta();
  }

  /** Null when no trailing stop is configured. */
  static TrailingTrigger of(TrailingStop stop) {
    return stop == null ? null : new TrailingTrigger(stop);
  }

  /** The trigger for a checkpoint: NaN while not activated or without a trailing stop. */
  static double triggerOf(TrailingTrigger t) {
    return t == null ? Double.NaN : t.trigger;
  }

  static void restore(TrailingTrigger t, double savedTrigger) {
    if (t != null) {
      t.trigger = savedTrigger;
    }
  }

  boolean hit(double pnlPct) {
    if (Double.isNaN(trigger)) {
      if (pnlPct > activation) {
        trigger = pnlPct - delta;
      }
      return false;
    }
    if (pnlPct - delta > trigger) {
      trigger = pnlPct - delta; // Hummingbot's ratchet: a NaN PnL (no quote) leaves the trigger as it was
    }
    return pnlPct < trigger;
  }
}
