package io.aviary.strategy.config;

import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TripleBarrierConfig;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Configured exits of a position executor (Hummingbot's {@code TripleBarrierConfig}), kept as the decimals the
 * config holds. A {@code null} barrier is off; {@code timeLimit} is in seconds; {@code stopLoss}/{@code takeProfit}
 * are fractions of the entry price. Executors run on {@link #toExecutor() doubles}.
 */
public record TripleBarrierSettings(
        BigDecimal stopLoss,
        BigDecimal takeProfit,
        Integer timeLimit,
        TrailingStopSettings trailingStop,
        OrderType openOrderType,
        OrderType takeProfitOrderType,
        OrderType stopLossOrderType,
        OrderType timeLimitOrderType) {

    /** Hummingbot's class defaults: no barriers, LIMIT open, MARKET closes. */
    public static final TripleBarrierSettings DEFAULTS = new TripleBarrierSettings(
            null, null, null, null, OrderType.LIMIT, OrderType.MARKET, OrderType.MARKET, OrderType.MARKET);

    public TripleBarrierSettings {
        Objects.requireNonNull(openOrderType, "openOrderType");
        Objects.requireNonNull(takeProfitOrderType, "takeProfitOrderType");
        Objects.requireNonNull(stopLossOrderType, "stopLossOrderType");
        Objects.requireNonNull(timeLimitOrderType, "timeLimitOrderType");
    }

    /** The executors' form (doubles). */
    public TripleBarrierConfig toExecutor() {
        return new TripleBarrierConfig(
                stopLoss == null ? null : stopLoss.doubleValue(),
                takeProfit == null ? null : takeProfit.doubleValue(),
                timeLimit == null ? null : timeLimit.longValue(),
                trailingStop == null ? null : trailingStop.toExecutor(),
                openOrderType, takeProfitOrderType, stopLossOrderType, timeLimitOrderType);
    }
}
