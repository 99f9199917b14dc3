package io.aviary.simexchange.domain.event;

import java.math.BigDecimal;

/** Holdings of one asset: {@code locked} is reserved by open orders (and, on perpetuals, position margin). */
public record BalanceSnapshot(String asset, BigDecimal total, BigDecimal locked) {

    public BigDecimal available() {
        return total.subtract(locked);
    }
}
