package io.aviary.marketdata.domain;

import io.aviary.connectors.model.FundingRate;
import java.math.BigDecimal;

/**
 * One stored funding event: time in epoch seconds, rate (positive: longs pay shorts), mark price when the venue
 * reported one ({@code null} otherwise).
 */
public record FundingPoint(long time, BigDecimal rate, BigDecimal markPrice) {

    public static FundingPoint of(FundingRate rate) {
        return new FundingPoint(rate.fundingTime().getEpochSecond(), rate.rate(), rate.markPrice());
    }
}
