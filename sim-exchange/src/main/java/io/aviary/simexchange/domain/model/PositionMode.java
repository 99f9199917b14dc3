package io.aviary.simexchange.domain.model;

/** HEDGE keeps a LONG and a SHORT position per market; ONEWAY keeps one net (BOTH) position. */
public enum PositionMode { HEDGE, ONEWAY }
