package io.aviary.trading.domain;

import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Applies a venue's trading rules to an order the way Hummingbot's connectors do: amount and price
 * rounded down to the increments, then the minimum size, maximum size and minimum notional checked
 * on the rounded values. Every refusal says what to change.
 */
public final class OrderRules {

    private OrderRules() {
    }

    /** The amount and price that will be sent; {@code price} is null for MARKET orders. */
    public record Quantized(BigDecimal amount, BigDecimal price) {
    }

    /**
     * @param marketPrice last price of the pair, asked for only by a MARKET order's notional check
     */
    public static Quantized apply(TradeCommand order, String connector, Map<TradingPair, TradingRule> rules,
            Set<OrderType> supportedTypes, Supplier<BigDecimal> marketPrice) {
        if (order.orderType().isLimitType() && order.price() == null) {
            throw new OrderRejected("Price is required for LIMIT and LIMIT_MAKER orders");
        }
        TradingRule rule = rules.get(order.tradingPair());
        if (rule == null) {
            throw new OrderRejected("Trading pair '" + order.tradingPair() + "' not supported on " + connector
                    + ". Available pairs: " + firstPairs(rules.keySet()));
        }
        if (!supportedTypes.contains(order.orderType())) {
            throw new OrderRejected("Order type '" + order.orderType() + "' not supported. Supported types: "
                    + supportedTypes.stream().map(Enum::name).sorted().toList());
        }
        if (order.price() != null && order.price().signum() <= 0) {
            throw new OrderRejected("Price must be greater than 0");
        }
        BigDecimal amount = roundDown(order.amount(), rule.minBaseAmountIncrement());
        BigDecimal price = order.orderType().isLimitType() ? roundDown(order.price(), rule.minPriceIncrement()) : null;
        checkSize(order, rule, amount);
        BigDecimal notionalPrice = price != null ? price : marketPrice.get();
        checkNotional(order, rule, amount, notionalPrice);
        return new Quantized(amount, price);
    }

    private static void checkSize(TradeCommand order, TradingRule rule, BigDecimal amount) {
        if (amount.signum() <= 0 || (rule.minOrderSize() != null && amount.compareTo(rule.minOrderSize()) < 0)) {
            throw new OrderRejected("Order amount " + order.amount().stripTrailingZeros().toPlainString()
                    + " is below minimum order size " + plain(rule.minOrderSize()) + " for " + order.tradingPair());
        }
        if (rule.maxOrderSize() != null && amount.compareTo(rule.maxOrderSize()) > 0) {
            throw new OrderRejected("Order amount " + plain(amount) + " is above maximum order size "
                    + plain(rule.maxOrderSize()) + " for " + order.tradingPair());
        }
        if (order.price() != null && order.orderType().isLimitType()
                && roundDown(order.price(), rule.minPriceIncrement()).signum() <= 0) {
            throw new OrderRejected("Price " + plain(order.price()) + " is below the price increment "
                    + plain(rule.minPriceIncrement()) + " for " + order.tradingPair());
        }
    }

    private static void checkNotional(TradeCommand order, TradingRule rule, BigDecimal amount, BigDecimal price) {
        BigDecimal minimum = rule.minNotionalSize();
        if (minimum == null || minimum.signum() <= 0 || price == null) {
            return;
        }
        BigDecimal notional = amount.multiply(price);
        if (notional.compareTo(minimum) < 0) {
            throw new OrderRejected("Order notional value " + plain(notional) + " is below minimum notional size "
                    + plain(minimum) + " for " + order.tradingPair()
                    + ". Increase the amount or price to meet the minimum requirement.");
        }
    }

    static BigDecimal roundDown(BigDecimal value, BigDecimal increment) {
        if (increment == null || increment.signum() <= 0) {
            return value;
        }
        return value.divide(increment, 0, RoundingMode.DOWN).multiply(increment).stripTrailingZeros();
    }

    private static String firstPairs(Collection<TradingPair> pairs) {
        var sorted = pairs.stream().map(TradingPair::toString).sorted().toList();
        String shown = sorted.subList(0, Math.min(10, sorted.size())).toString();
        return sorted.size() > 10 ? shown + " (and " + (sorted.size() - 10) + " more)" : shown;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "none" : value.stripTrailingZeros().toPlainString();
    }
}
