package io.aviary.strategy.executor;

/**
 * An order an executor asks its {@link OrderGateway} to place.
 *
 * @param amount base amount
 * @param price limit price; ignored (may be NaN) for MARKET orders
 */
public record OrderRequest(
    String connectorName, String tradingPair, TradeType side, OrderType orderType, double amount, double price,
    PositionAction positionAction) {}
