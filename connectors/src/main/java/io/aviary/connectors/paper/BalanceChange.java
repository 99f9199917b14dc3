package io.aviary.connectors.paper;

import java.math.BigDecimal;

/** A change of one asset's total and of what open orders lock of it. */
public record BalanceChange(String asset, BigDecimal total, BigDecimal locked) {

    static BalanceChange total(String asset, BigDecimal delta) {
        return new BalanceChange(asset, delta, BigDecimal.ZERO);
    }

    static BalanceChange lock(String asset, BigDecimal delta) {
        return new BalanceChange(asset, BigDecimal.ZERO, delta);
    }
}
