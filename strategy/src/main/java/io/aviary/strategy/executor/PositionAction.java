package io.aviary.strategy.executor;

/** Hummingbot's {@code PositionAction}: whether an order opens or closes a (perpetual) position. */
public enum PositionAction {
  OPEN, CLOSE, NIL
}
