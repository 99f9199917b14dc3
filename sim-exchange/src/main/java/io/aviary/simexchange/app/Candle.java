package io.aviary.simexchange.app;

import java.math.BigDecimal;

/** A candle as the API serves it; {@code openTime} in epoch milliseconds. */
public record Candle(long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
        BigDecimal volume, BigDecimal quoteVolume, long trades, BigDecimal takerBuyBaseVolume,
        BigDecimal takerBuyQuoteVolume) {
}
