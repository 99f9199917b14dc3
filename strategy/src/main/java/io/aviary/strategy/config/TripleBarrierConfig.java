package io.aviary.strategy.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Hummingbot's {@code TripleBarrierConfig}: the exit rules of a position executor. A {@code null} barrier is off.
 * {@code timeLimit} is in seconds; {@code stopLoss}/{@code takeProfit} are fractions of the entry price.
 */
public record TripleBarrierConfig(
        BigDecimal stopLoss,
        BigDecimal takeProfit,
        Integer timeLimit,
        TrailingStop trailingStop,
        OrderType openOrderType,
        OrderType takeProfitOrderType,
        OrderType stopLossOrderType,
        OrderType timeLimitOrderType) {

    /** Hummingbot's class defaults: no barriers, LIMIT open, MARKET closes. */
    public static final TripleBarrierConfig DEFAULTS = new TripleBarrierConfig(
            null, null, null, null, OrderType.LIMIT, OrderType.MARKET, OrderType.MARKET, OrderType.MARKET);

    public TripleBarrierConfig {
        Objects.requireNonNull(openOrderType, "openOrderType");
        Objects.requireNonNull(takeProfitOrderType, "takeProfitOrderType");
        Objects.requireNonNull(stopLossOrderType, "stopLossOrderType");
        Objects.requireNonNull(timeLimitOrderType, "timeLimitOrderType");
    }
}
