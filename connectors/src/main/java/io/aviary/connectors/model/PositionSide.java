package io.aviary.connectors.model;

/**
 * The direction of a position. Connectors report LONG or SHORT in both position modes: in HEDGE an
 * account may hold one of each per pair, in ONEWAY it holds one net position whose direction is
 * its sign (a venue's "BOTH" is translated by that sign), so a caller always sees which way it is
 * exposed while {@link Position#amount()} stays positive. BOTH remains for Hummingbot's order-side
 * vocabulary (an order that does not target a hedge leg) and is never a position's side.
 */
public enum PositionSide { LONG, SHORT, BOTH }
