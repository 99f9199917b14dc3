package io.aviary.trading.domain;

import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.model.TradingRule.Refusal.AboveMaximumSize;
import io.aviary.connectors.model.TradingRule.Refusal.BelowMinimumNotional;
import io.aviary.connectors.model.TradingRule.Refusal.BelowMinimumSize;
import io.aviary.connectors.model.TradingRule.Refusal.PriceBelowIncrement;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Applies a venue's trading rules to an order the way Hummingbot's connectors do: amount and price
 * rounded down to the increments, then the minimum size, maximum size and minimum notional checked
 * on the rounded values (both by the connectors' {@link TradingRule}, which paper trading uses too).
 * Every refusal says what to change.
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
        BigDecimal amount = rule.quantizeAmount(order.amount());
        BigDecimal price = order.orderType().isLimitType() ? rule.quantizePrice(order.price()) : null;
        rule.refusal(amount, price, marketPrice).ifPresent(refusal -> {
            throw new OrderRejected(message(refusal, order));
        });
        return new Quantized(stored(amount, rule.minBaseAmountIncrement()), stored(price, rule.minPriceIncrement()));
    }

    private static String message(TradingRule.Refusal refusal, TradeCommand order) {
        return switch (refusal) {
            case BelowMinimumSize r -> "Order amount " + order.amount().stripTrailingZeros().toPlainString()
                    + " is below minimum order size " + plain(r.minimum()) + " for " + order.tradingPair();
            case AboveMaximumSize r -> "Order amount " + plain(r.amount()) + " is above maximum order size "
                    + plain(r.maximum()) + " for " + order.tradingPair();
            case PriceBelowIncrement r -> "Price " + plain(order.price()) + " is below the price increment "
                    + plain(r.increment()) + " for " + order.tradingPair();
            case BelowMinimumNotional r -> "Order notional value " + plain(r.notional())
                    + " is below minimum notional size " + plain(r.minimum()) + " for " + order.tradingPair()
                    + ". Increase the amount or price to meet the minimum requirement.";
        };
    }

    /**
     * A rounded value as trading-service stores and sends it: without trailing zeros (0.5, not the
     * increment's 0.500); a value the rule had no increment for stays as the caller wrote it.
     */
    private static BigDecimal stored(BigDecimal value, BigDecimal increment) {
        return value == null || increment == null || increment.signum() <= 0 ? value : value.stripTrailingZeros();
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
