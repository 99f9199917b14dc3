package io.aviary.connectors.venues.support;

import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import java.math.BigDecimal;

/** Builds {@link TradingRule}s with Hummingbot's defaults for what a venue does not state. */
public final class Rules {

    /** Hummingbot's "no constraint" increment ({@code Decimal("1e-56")}). */
    public static final BigDecimal TINY = new BigDecimal("1E-56");
    /** Hummingbot's "no constraint" maximum ({@code Decimal("1e56")}). */
    public static final BigDecimal HUGE = new BigDecimal("1E+56");

    private Rules() {
    }

    public static TradingRule rule(TradingPair pair, BigDecimal minOrderSize, BigDecimal maxOrderSize,
            BigDecimal tickSize, BigDecimal stepSize, BigDecimal quoteIncrement, BigDecimal minNotional,
            boolean market, String collateral) {
        return new TradingRule(pair,
                or(minOrderSize, BigDecimal.ZERO),
                positive(maxOrderSize),
                or(positive(tickSize), TINY),
                or(positive(stepSize), TINY),
                or(positive(quoteIncrement), TINY),
                or(minNotional, BigDecimal.ZERO),
                BigDecimal.ZERO,
                HUGE,
                true,
                market,
                collateral == null ? pair.quote() : collateral,
                collateral == null ? pair.quote() : collateral);
    }

    /** 10^-decimals, e.g. 8 → 0.00000001. */
    public static BigDecimal increment(int decimals) {
        return BigDecimal.ONE.movePointLeft(decimals);
    }

    private static BigDecimal positive(BigDecimal d) {
        return d == null || d.signum() <= 0 ? null : d.stripTrailingZeros();
    }

    private static BigDecimal or(BigDecimal d, BigDecimal fallback) {
        return d == null ? fallback : d;
    }
}
