package io.aviary.strategy.config;

import io.aviary.strategy.executor.OrderType;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The top-level exit keys directional and market-making controllers share ({@code stop_loss}, {@code take_profit},
 * {@code time_limit}, {@code take_profit_order_type}, {@code trailing_stop}): every executor such a controller opens
 * gets them as its triple barrier; the kind of controller only decides how the executor opens.
 */
public record ExitSettings(
        BigDecimal stopLoss,
        BigDecimal takeProfit,
        Integer timeLimit,
        OrderType takeProfitOrderType,
        TrailingStopSettings trailingStop) {

    public ExitSettings {
        Objects.requireNonNull(takeProfitOrderType, "takeProfitOrderType");
    }

    /** The executors' barriers, opening with {@code openOrderType}; stop loss and time limit close at market. */
    public TripleBarrierSettings tripleBarrier(OrderType openOrderType) {
        return new TripleBarrierSettings(stopLoss, takeProfit, timeLimit, trailingStop,
                openOrderType, takeProfitOrderType, OrderType.MARKET, OrderType.MARKET);
    }

    static ExitSettings from(ConfigValues v) {
        return new ExitSettings(v.get(Keys.STOP_LOSS), v.get(Keys.TAKE_PROFIT), v.get(Keys.TIME_LIMIT),
                v.get(Keys.TAKE_PROFIT_ORDER_TYPE), v.get(Keys.TRAILING_STOP));
    }

    void putInto(ConfigValues v) {
        v.put(Keys.STOP_LOSS, stopLoss)
                .put(Keys.TAKE_PROFIT, takeProfit)
                .put(Keys.TIME_LIMIT, timeLimit)
                .put(Keys.TAKE_PROFIT_ORDER_TYPE, takeProfitOrderType)
                .put(Keys.TRAILING_STOP, trailingStop);
    }
}
