package io.aviary.connectors.catalog;

/** Hummingbot order types. */
public enum OrderType { LIMIT, MARKET, LIMIT_MAKER }
