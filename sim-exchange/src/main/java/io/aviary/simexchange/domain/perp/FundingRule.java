package io.aviary.simexchange.domain.perp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The funding rate of one interval from the premium of mark over index, the way large venues do
 * it: {@code rate = P + clamp(interest − P, −band, +band)} with {@code P = (mark − index) / index},
 * then clamped to {@code ±cap}. A positive rate means longs pay shorts.
 */
public record FundingRule(BigDecimal interest, BigDecimal band, BigDecimal cap) {

    public static final FundingRule STANDARD =
            new FundingRule(new BigDecimal("0.0001"), new BigDecimal("0.0005"), new BigDecimal("0.0075"));

    public BigDecimal rate(BigDecimal mark, BigDecimal index) {
        BigDecimal premium = mark.subtract(index).divide(index, MathContext.DECIMAL64);
        BigDecimal rate = premium.add(clamp(interest.subtract(premium), band));
        return clamp(rate, cap).setScale(8, RoundingMode.HALF_EVEN);
    }

    /** Payment for a signed position: −amount × mark × rate (longs pay when the rate is positive). */
    public static BigDecimal payment(BigDecimal signedAmount, BigDecimal mark, BigDecimal rate) {
        return signedAmount.multiply(mark).multiply(rate).negate().setScale(MarginMath.SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal clamp(BigDecimal v, BigDecimal limit) {
        return v.max(limit.negate()).min(limit);
    }
}
