package io.aviary.connectors.model;

/** Whether a perpetual order opens or closes a position (NIL on spot). */
public enum PositionAction { OPEN, CLOSE, NIL }
