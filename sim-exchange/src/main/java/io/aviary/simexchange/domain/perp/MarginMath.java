package io.aviary.simexchange.domain.perp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Isolated-margin arithmetic. A position of signed size {@code q} entered at {@code e} with margin
 * {@code M} is liquidated at mark {@code p} when {@code M + q·(p − e) ≤ mmr·|q|·p}, i.e. at
 * {@code p = (q·e − M) / (q·(1 − mmr))} for a long and {@code p = (M + |q|·e) / (|q|·(1 + mmr))}
 * for a short.
 */
public final class MarginMath {

    public static final int SCALE = 8;
    private static final MathContext MC = MathContext.DECIMAL64;

    private MarginMath() {
    }

    /** Initial margin of {@code amount} at {@code price}: notional / leverage, rounded up. */
    public static BigDecimal initialMargin(BigDecimal amount, BigDecimal price, int leverage) {
        return amount.abs().multiply(price).divide(BigDecimal.valueOf(leverage), SCALE, RoundingMode.UP);
    }

    public static BigDecimal unrealizedPnl(BigDecimal signedAmount, BigDecimal entry, BigDecimal mark) {
        return signedAmount.multiply(mark.subtract(entry)).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal maintenanceMargin(BigDecimal signedAmount, BigDecimal mark, BigDecimal mmr) {
        return signedAmount.abs().multiply(mark).multiply(mmr);
    }

    public static boolean shouldLiquidate(BigDecimal signedAmount, BigDecimal entry, BigDecimal margin,
            BigDecimal mark, BigDecimal mmr) {
        if (signedAmount.signum() == 0) {
            return false;
        }
        BigDecimal equity = margin.add(signedAmount.multiply(mark.subtract(entry)));
        return equity.compareTo(maintenanceMargin(signedAmount, mark, mmr)) <= 0;
    }

    /** Mark price at which the position is liquidated (never negative). */
    public static BigDecimal liquidationPrice(BigDecimal signedAmount, BigDecimal entry, BigDecimal margin,
            BigDecimal mmr) {
        if (signedAmount.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal q = signedAmount.abs();
        BigDecimal price = signedAmount.signum() > 0
                ? q.multiply(entry).subtract(margin).divide(q.multiply(BigDecimal.ONE.subtract(mmr)), MC)
                : margin.add(q.multiply(entry)).divide(q.multiply(BigDecimal.ONE.add(mmr)), MC);
        return price.max(BigDecimal.ZERO).setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
