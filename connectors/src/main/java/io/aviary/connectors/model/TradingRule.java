package io.aviary.connectors.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A venue's rules for one pair, with the field set of Hummingbot's {@code TradingRule}.
 * {@code maxOrderSize} may be null (no limit).
 *
 * <p>It also applies them, once for every caller (trading-service before it sends an order, paper
 * trading in place of the venue): {@link #quantizeAmount} and {@link #quantizePrice} round down to
 * the increments as a venue does, and {@link #refusal} checks the rounded order against the
 * minimum/maximum size and the minimum notional, answering which rule it breaks.
 */
public record TradingRule(
        TradingPair tradingPair,
        BigDecimal minOrderSize,
        BigDecimal maxOrderSize,
        BigDecimal minPriceIncrement,
        BigDecimal minBaseAmountIncrement,
        BigDecimal minQuoteAmountIncrement,
        BigDecimal minNotionalSize,
        BigDecimal minOrderValue,
        BigDecimal maxPriceSignificantDigits,
        boolean supportsLimitOrders,
        boolean supportsMarketOrders,
        String buyOrderCollateralToken,
        String sellOrderCollateralToken) {

    /**
     * A rule a (rounded) order breaks; the caller words it for its audience. Values are the rounded
     * ones the check saw.
     */
    public sealed interface Refusal {

        /** Zero after rounding, or below the minimum order size ({@code minimum} null: only the zero case). */
        record BelowMinimumSize(BigDecimal amount, BigDecimal minimum) implements Refusal {
        }

        record AboveMaximumSize(BigDecimal amount, BigDecimal maximum) implements Refusal {
        }

        /** A limit price that rounds down to zero: below one price increment. */
        record PriceBelowIncrement(BigDecimal price, BigDecimal increment) implements Refusal {
        }

        record BelowMinimumNotional(BigDecimal notional, BigDecimal minimum) implements Refusal {
        }
    }

    /**
     * The amount rounded down to {@code minBaseAmountIncrement}, in the increment's scale (0.5 at an
     * increment of 0.001 is 0.500); unchanged when the rule has no increment.
     */
    public BigDecimal quantizeAmount(BigDecimal amount) {
        return roundDown(amount, minBaseAmountIncrement);
    }

    /** The price rounded down to {@code minPriceIncrement}, like {@link #quantizeAmount}; null stays null. */
    public BigDecimal quantizePrice(BigDecimal price) {
        return price == null ? null : roundDown(price, minPriceIncrement);
    }

    /**
     * The first rule the rounded order breaks, checked in this order: minimum size, maximum size, a
     * limit price of zero, minimum notional.
     *
     * @param amount        the quantized amount
     * @param price         the quantized limit price; null for a MARKET order
     * @param marketPrice   the price a MARKET order's notional is judged at (may answer null: not
     *                      checked); asked only for a MARKET order that passed the size checks
     */
    public Optional<Refusal> refusal(BigDecimal amount, BigDecimal price, Supplier<BigDecimal> marketPrice) {
        if (amount.signum() <= 0 || (minOrderSize != null && amount.compareTo(minOrderSize) < 0)) {
            return Optional.of(new Refusal.BelowMinimumSize(amount, minOrderSize));
        }
        if (maxOrderSize != null && amount.compareTo(maxOrderSize) > 0) {
            return Optional.of(new Refusal.AboveMaximumSize(amount, maxOrderSize));
        }
        if (price != null && price.signum() <= 0) {
            return Optional.of(new Refusal.PriceBelowIncrement(price, minPriceIncrement));
        }
        BigDecimal notionalPrice = price != null ? price : marketPrice.get();
        if (notionalPrice == null || minNotionalSize == null || minNotionalSize.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal notional = amount.multiply(notionalPrice);
        return notional.compareTo(minNotionalSize) < 0
                ? Optional.of(new Refusal.BelowMinimumNotional(notional, minNotionalSize))
                : Optional.empty();
    }

    private static BigDecimal roundDown(BigDecimal value, BigDecimal increment) {
        if (increment == null || increment.signum() <= 0) {
            return value;
        }
        return value.divide(increment, 0, RoundingMode.DOWN).multiply(increment);
    }
}
