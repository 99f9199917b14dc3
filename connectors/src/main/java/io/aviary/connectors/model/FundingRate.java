package io.aviary.connectors.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One past funding event of a perpetual pair: when it was paid and its rate (positive: longs paid shorts).
 * {@code markPrice} is the venue's mark price at that time when it reports one, else {@code null}.
 */
public record FundingRate(TradingPair tradingPair, Instant fundingTime, BigDecimal rate, BigDecimal markPrice) {
}
