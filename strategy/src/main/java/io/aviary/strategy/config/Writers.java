package io.aviary.strategy.config;

import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TradeType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed values to the form Hummingbot's config files hold ({@code model_dump_json} then YAML): Decimals as strings
 * (Java's {@link BigDecimal#toString} and Python's {@code str(Decimal)} follow the same to-scientific-string rule),
 * {@code OrderType}/{@code TradeType} as integer codes, {@code PositionMode} by name, nested models as mappings with
 * sorted keys.
 */
final class Writers {

    private Writers() {
    }

    static Object same(Object value) {
        return value;
    }

    static Object decimal(BigDecimal value) {
        return value.toString();
    }

    static Object decimals(List<BigDecimal> values) {
        return values.stream().map(Writers::decimal).toList();
    }

    static Object doubles(List<Double> values) {
        return List.copyOf(values);
    }

    static Object orderType(OrderType type) {
        return type.code();
    }

    static Object tradeType(TradeType type) {
        return type.code();
    }

    static Object positionMode(PositionMode mode) {
        return mode.name();
    }

    static Object trailingStop(TrailingStopSettings stop) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("activation_price", decimal(stop.activationPrice()));
        map.put("trailing_delta", decimal(stop.trailingDelta()));
        return map;
    }

    static Object tripleBarrier(TripleBarrierSettings config) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("open_order_type", orderType(config.openOrderType()));
        map.put("stop_loss", orNull(config.stopLoss(), Writers::decimal));
        map.put("stop_loss_order_type", orderType(config.stopLossOrderType()));
        map.put("take_profit", orNull(config.takeProfit(), Writers::decimal));
        map.put("take_profit_order_type", orderType(config.takeProfitOrderType()));
        map.put("time_limit", config.timeLimit());
        map.put("time_limit_order_type", orderType(config.timeLimitOrderType()));
        map.put("trailing_stop", orNull(config.trailingStop(), Writers::trailingStop));
        return map;
    }

    static Object initialPositions(List<InitialPosition> positions) {
        return positions.stream().map(position -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("amount", decimal(position.amount()));
            map.put("connector_name", position.connectorName());
            map.put("side", tradeType(position.side()));
            map.put("trading_pair", position.tradingPair());
            return (Object) map;
        }).toList();
    }

    private static <T> Object orNull(T value, Function<T, Object> writer) {
        return value == null ? null : writer.apply(value);
    }
}
