package io.aviary.connectors.model;

/** Side of an order or trade (Hummingbot {@code TradeType}). */
public enum TradeType { BUY, SELL }
