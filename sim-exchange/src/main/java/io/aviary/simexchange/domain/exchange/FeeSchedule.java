package io.aviary.simexchange.domain.exchange;

import java.math.BigDecimal;

/** Fee rates as fractions (0.0002 = 0.02 %): makers add liquidity, takers remove it. */
public record FeeSchedule(BigDecimal maker, BigDecimal taker) {

    public BigDecimal rate(boolean isMaker) {
        return isMaker ? maker : taker;
    }
}
