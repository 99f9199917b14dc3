package io.aviary.strategy.config;

import io.aviary.strategy.executor.TradeType;
import java.math.BigDecimal;
import java.util.Objects;

/** Hummingbot's {@code InitialPositionConfig}: a holding the controller takes over at start. */
public record InitialPosition(String connectorName, String tradingPair, BigDecimal amount, TradeType side) {

    public InitialPosition {
        Objects.requireNonNull(connectorName, "connectorName");
        Objects.requireNonNull(tradingPair, "tradingPair");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(side, "side");
    }
}
