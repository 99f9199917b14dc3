package io.aviary.simexchange.domain.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Trading rules of one market, and the scaling between decimal money and the order book's longs:
 * a price is {@code ticks × tickSize}, an amount is {@code lots × stepSize}. Values off that grid
 * are refused rather than rounded, like a real venue.
 */
public record MarketRules(String symbol, String base, String quote, BigDecimal tickSize, BigDecimal stepSize,
        BigDecimal minSize, BigDecimal maxSize, BigDecimal minNotional) {

    public MarketRules {
        Objects.requireNonNull(symbol, "symbol");
        if (tickSize.signum() <= 0 || stepSize.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": tick and step sizes must be positive");
        }
    }

    public static MarketRules of(String base, String quote, String tick, String step, String minSize, String maxSize,
            String minNotional) {
        return new MarketRules(base + "-" + quote, base, quote, new BigDecimal(tick), new BigDecimal(step),
                new BigDecimal(minSize), new BigDecimal(maxSize), new BigDecimal(minNotional));
    }

    public long toTicks(BigDecimal price) {
        if (price == null || price.signum() <= 0) {
            throw new VenueRejection(RejectCode.INVALID_ORDER, "price must be positive");
        }
        BigDecimal[] qr = price.divideAndRemainder(tickSize);
        if (qr[1].signum() != 0) {
            throw new VenueRejection(RejectCode.PRICE_NOT_ON_TICK,
                    "price " + price.toPlainString() + " is not a multiple of the tick size " + tickSize.toPlainString());
        }
        return exactLong(qr[0], "price");
    }

    public long toLots(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new VenueRejection(RejectCode.INVALID_ORDER, "amount must be positive");
        }
        BigDecimal[] qr = amount.divideAndRemainder(stepSize);
        if (qr[1].signum() != 0) {
            throw new VenueRejection(RejectCode.AMOUNT_NOT_ON_STEP,
                    "amount " + amount.toPlainString() + " is not a multiple of the step size " + stepSize.toPlainString());
        }
        return exactLong(qr[0], "amount");
    }

    public BigDecimal price(long ticks) {
        return tickSize.multiply(BigDecimal.valueOf(ticks));
    }

    public BigDecimal amount(long lots) {
        return stepSize.multiply(BigDecimal.valueOf(lots));
    }

    /** Refuses amounts outside [minSize, maxSize]. */
    public void checkSize(BigDecimal amount) {
        if (amount.compareTo(minSize) < 0) {
            throw new VenueRejection(RejectCode.BELOW_MIN_SIZE,
                    "amount " + amount.toPlainString() + " is below the minimum order size " + minSize.toPlainString());
        }
        if (amount.compareTo(maxSize) > 0) {
            throw new VenueRejection(RejectCode.ABOVE_MAX_SIZE,
                    "amount " + amount.toPlainString() + " is above the maximum order size " + maxSize.toPlainString());
        }
    }

    public void checkNotional(BigDecimal notional) {
        if (notional.compareTo(minNotional) < 0) {
            throw new VenueRejection(RejectCode.BELOW_MIN_NOTIONAL, "order value " + notional.stripTrailingZeros().toPlainString()
                    + " " + quote + " is below the minimum notional " + minNotional.toPlainString() + " " + quote);
        }
    }

    private static long exactLong(BigDecimal units, String what) {
        try {
            return units.longValueExact();
        } catch (ArithmeticException e) {
            throw new VenueRejection(RejectCode.INVALID_ORDER, what + " is out of range");
        }
    }
}
