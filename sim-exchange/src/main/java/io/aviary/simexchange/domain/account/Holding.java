package io.aviary.simexchange.domain.account;

import java.math.BigDecimal;

/** One asset of a spot account: {@code total} owned, {@code locked} reserved by open orders. */
final class Holding {

    BigDecimal total;
    BigDecimal locked;

    Holding(BigDecimal total, BigDecimal locked) {
        this.total = total;
        this.locked = locked;
    }

    BigDecimal available() {
        return total.subtract(locked);
    }
}
