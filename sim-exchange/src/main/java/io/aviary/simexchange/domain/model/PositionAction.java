package io.aviary.simexchange.domain.model;

/** Whether a perpetual order opens or closes; NIL on spot (and "net" in ONEWAY mode). */
public enum PositionAction { OPEN, CLOSE, NIL }
