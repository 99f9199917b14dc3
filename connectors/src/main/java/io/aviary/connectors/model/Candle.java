package io.aviary.connectors.model;

import java.math.BigDecimal;
import java.time.Instant;

/** One OHLCV candle with Hummingbot's ten columns; {@code openTime} is the candle's start. */
public record Candle(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
        BigDecimal volume, BigDecimal quoteAssetVolume, long trades, BigDecimal takerBuyBaseVolume,
        BigDecimal takerBuyQuoteVolume) {
}
