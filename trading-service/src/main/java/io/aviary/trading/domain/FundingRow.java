package io.aviary.trading.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored funding payment. */
public record FundingRow(long id, String accountName, String connectorName, String tradingPair, Instant paidAt,
        BigDecimal fundingRate, BigDecimal amount, String asset, String positionSide, BigDecimal positionSize) {
}
