package io.aviary.simexchange.domain.exchange;

import java.math.BigDecimal;

/** What a ledger booked for one side of one trade. */
record Settlement(BigDecimal fee, String feeAsset, BigDecimal realizedPnl) {
}
