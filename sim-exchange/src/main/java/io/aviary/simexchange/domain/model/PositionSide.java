package io.aviary.simexchange.domain.model;

/** LONG/SHORT in HEDGE mode; BOTH is the single signed position of ONEWAY mode. */
public enum PositionSide { LONG, SHORT, BOTH }
