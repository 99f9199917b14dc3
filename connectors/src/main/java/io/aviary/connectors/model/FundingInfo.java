package io.aviary.connectors.model;

import java.math.BigDecimal;
import java.time.Instant;

/** Funding state of a perpetual pair; {@code rate} is the rate of the next payment. */
public record FundingInfo(TradingPair tradingPair, BigDecimal indexPrice, BigDecimal markPrice,
        Instant nextFundingTime, BigDecimal rate) {
}
