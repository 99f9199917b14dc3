package io.aviary.common.events.marketdata;

import io.aviary.common.events.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A candle of a live feed closed. {@code interval} is the Hummingbot code ({@code 1m}, {@code 1h}…),
 * {@code openTime} the start of the candle; volumes are in base and quote asset.
 */
public record CandleClosed(String connectorName, String tradingPair, String interval, Instant openTime,
        BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume,
        BigDecimal quoteVolume, long trades) implements DomainEvent {

    @Override
    public String aggregateKey() {
        return connectorName + "/" + tradingPair + "/" + interval;
    }
}
