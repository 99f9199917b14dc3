package io.aviary.strategy.executor;

/**
 * What a controller may know of its position hold (Hummingbot's {@code positions_held} for the controller's one
 * market): the base held by executors that ended in {@link CloseType#POSITION_HOLD}, netted.
 */
public interface PositionHeld {

  /** No position held (a host that keeps no hold, or a controller asked without one). */
  PositionHeld NONE = () -> 0;

  /** Net base held: bought − sold (Hummingbot: BUY positions' amounts − SELL positions' amounts). */
  double netBase();
}
