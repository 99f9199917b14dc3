package io.aviary.connectors.model;

/** LONG/SHORT in HEDGE mode; BOTH for the single net position of ONEWAY mode. */
public enum PositionSide { LONG, SHORT, BOTH }
